package tcpcourse.testkit;

/** A fake fixture, declared from the exercises folder. */
public final class Loopback {
    public static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(1);
    public static java.net.ServerSocket listen() throws java.io.IOException { return new java.net.ServerSocket(0); }
}
