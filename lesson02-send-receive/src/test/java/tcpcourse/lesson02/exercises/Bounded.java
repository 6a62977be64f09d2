package tcpcourse.lesson02.exercises;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tcpcourse.testkit.Background;

/**
 * Bounded waits for the grading tests of lesson 2: each one that fails says, in the student's
 * terms, what was expected and what happened instead.
 */
final class Bounded {

    /**
     * How long a test waits for something that a correct solution does at once on loopback
     * (a few milliseconds), even on a loaded machine. Only a wrong solution ever waits this long.
     */
    static final Duration PROMPTLY = Duration.ofSeconds(4);

    private Bounded() {}

    /** The exercise's code, running in the background: a relay, or a server. */
    record UnderTest(String method, CompletableFuture<?> running) {}

    /**
     * Runs {@code step} (a peer's read, say) on a background thread, while {@code underTest}
     * runs, and returns its result.
     *
     * @param expected what should happen, as the end of "expected ...", for example "the server's
     *     answer to reach the client"
     * @param advice what to do about it if it does not happen; may be empty
     * @throws AssertionError if the step has not returned within {@link #PROMPTLY}, or fails, or
     *     the code under test throws first
     */
    static <T> T step(Background background, UnderTest underTest, String expected, String advice, Callable<T> step)
            throws Exception {
        CompletableFuture<T> result = background.call(step);
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        try {
            CompletableFuture.anyOf(result, underTest.running()).get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
            if (!result.isDone()) {
                // The code under test ended first: a failure says the most; a normal end leaves
                // the step its time (a relay may return as its last bytes are on their way).
                failIfThrew(underTest, expected);
                result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            T value = result.get();
            failIfThrew(underTest, expected);
            return value;
        } catch (TimeoutException stuck) {
            failIfThrew(underTest, expected);
            throw new AssertionError(sentence("expected " + expected + ", but it did not happen within "
                    + PROMPTLY.toSeconds() + " s", advice));
        } catch (ExecutionException failed) {
            failIfThrew(underTest, expected);
            Throwable cause = failed.getCause();
            while (cause instanceof ExecutionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String what = cause instanceof SocketTimeoutException
                    ? "it did not happen within " + PROMPTLY.toSeconds() + " s"
                    : describe(cause);
            throw new AssertionError(sentence("expected " + expected + ", but " + what, advice), cause);
        }
    }

    /** What a future ended with, once it has ended or {@link #PROMPTLY} has passed. */
    record Outcome<T>(boolean ended, T value, Throwable failure) {}

    /** Waits at most {@link #PROMPTLY} for {@code running} to end, and says how it ended. */
    static <T> Outcome<T> outcomeOf(CompletableFuture<T> running) throws InterruptedException {
        try {
            return new Outcome<>(true, running.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException stillRunning) {
            return new Outcome<>(false, null, null);
        } catch (ExecutionException failed) {
            return new Outcome<>(true, null, failed.getCause());
        }
    }

    private static void failIfThrew(UnderTest underTest, String expected) {
        if (underTest.running().isCompletedExceptionally()) {
            Throwable failure = underTest.running().handle((value, thrown) -> thrown).join();
            throw new AssertionError("expected " + expected + ", but " + underTest.method() + " threw "
                    + describe(failure), failure);
        }
    }

    private static String sentence(String what, String advice) {
        return advice.isEmpty() ? what : what + ": " + advice;
    }

    /** An exception as one line: its type and message, as a student sees it in a stack trace. */
    static String describe(Throwable failure) {
        while (failure instanceof ExecutionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Bytes as a student can read them in a message: text where printable, escapes elsewhere. */
    static String show(byte[] bytes) {
        var shown = new StringBuilder("\"");
        int limit = Math.min(bytes.length, 40);
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xFF;
            shown.append(switch (b) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                default -> b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b);
            });
        }
        shown.append('"');
        if (bytes.length > limit) {
            shown.append("... (").append(bytes.length).append(" bytes)");
        }
        return shown.toString();
    }
}
