/**
 * The channel a test JVM reports its results on. A named module, so that exercise code (in the
 * unnamed module) can neither open its package nor reach the descriptor it writes to; the grader
 * opens {@code java.base/java.io} to this module alone.
 */
module tcpcourse.channel {
    exports tcpcourse.channel;
}
