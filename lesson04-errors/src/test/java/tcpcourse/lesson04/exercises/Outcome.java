package tcpcourse.lesson04.exercises;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a call of the exercise's code ended: it returned a value, threw, or was still running when
 * the test stopped waiting; and how long it took. {@link #toString()} says it in a few words, for
 * a failure message ("threw SocketException: Connection reset").
 *
 * @param finished whether the call ended within the wait
 * @param value what it returned, or null
 * @param thrown what it threw, or null
 * @param took from the call's start to its end, or to the end of the wait
 */
record Outcome<T>(boolean finished, T value, Throwable thrown, Duration took) {

    /**
     * How long a test waits for a call that a correct solution ends at once, or within its own
     * short deadline, on loopback: many times longer than it needs, even on a loaded machine.
     */
    static final Duration PROMPTLY = Duration.ofMillis(2500);

    /** A call of the exercise's code, started on a background thread at {@link #started}. */
    record Running<T>(CompletableFuture<T> future, long started) {

        /** Waits at most {@code atMost} from the call's start for it to end, and says how it ended. */
        Outcome<T> outcome(Duration atMost) throws InterruptedException {
            long left = started + atMost.toNanos() - System.nanoTime();
            try {
                T value = future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                return new Outcome<>(true, value, null, since(started));
            } catch (TimeoutException stillRunning) {
                return new Outcome<>(false, null, null, since(started));
            } catch (ExecutionException failed) {
                return new Outcome<>(true, null, failed.getCause(), since(started));
            }
        }

        /** Waits at most {@link #PROMPTLY} from the call's start for it to end. */
        Outcome<T> outcome() throws InterruptedException {
            return outcome(PROMPTLY);
        }

        /** Whether the call has ended (returned or thrown). */
        boolean isDone() {
            return future.isDone();
        }
    }

    /**
     * Starts {@code call} now, on a daemon thread of its own. A call that never ends is left
     * blocked (a socket's read or connect does not answer an interrupt) until the test closes its
     * sockets; being a daemon, it never keeps the test JVM alive.
     */
    static <T> Running<T> start(Callable<T> call) {
        var future = new CompletableFuture<T>();
        var thread = new Thread(() -> {
            try {
                future.complete(call.call());
            } catch (Throwable failure) {
                future.completeExceptionally(failure);
            }
        }, "exercise under test");
        thread.setDaemon(true);
        long started = System.nanoTime();
        thread.start();
        return new Running<>(future, started);
    }

    /** Runs {@code call} on a thread of its own and waits at most {@code atMost} for it to end. */
    static <T> Outcome<T> of(Duration atMost, Callable<T> call) throws InterruptedException {
        return start(call).outcome(atMost);
    }

    /** Whether it returned normally. */
    boolean returned() {
        return finished && thrown == null;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The time taken, for a message: "1.82 s". */
    String tookText() {
        return String.format(java.util.Locale.ROOT, "%.2f s", took.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        if (!finished) {
            return "was still running after " + tookText();
        }
        if (thrown != null) {
            String message = thrown.getMessage();
            return "threw " + thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                    + " (after " + tookText() + ")";
        }
        return "returned " + describe(value) + " (after " + tookText() + ")";
    }

    private static String describe(Object value) {
        return value instanceof byte[] bytes ? bytes.length + " bytes \"" + printable(bytes) + "\"" : String.valueOf(value);
    }

    /** Bytes as text for a message: {@code hel\r\n}, and {@code \xNN} for a byte that is not printable ASCII. */
    static String printable(byte[] bytes) {
        var text = new StringBuilder();
        for (byte b : bytes) {
            int unsigned = b & 0xff;
            text.append(unsigned == '\r' ? "\\r" : unsigned == '\n' ? "\\n"
                    : unsigned >= 0x20 && unsigned < 0x7f ? String.valueOf((char) unsigned)
                    : String.format("\\x%02x", unsigned));
        }
        return text.toString();
    }
}
