package tcpcourse.lesson04;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Connecting with a timeout, and trying again after the failures that are worth it, waiting
 * longer each time (exponential backoff), up to a cap, and a random part of that (jitter), so
 * that many clients that failed together do not all come back at the same moment.
 */
public final class Retry {

    /** Waits between attempts; tests pass one that only records the delays. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for {@code delay}. */
        void sleep(Duration delay) throws InterruptedException;
    }

    /**
     * How long to wait between attempts.
     *
     * @param first the longest wait after the first failure
     * @param cap the longest wait ever
     * @param random where the jitter comes from
     */
    public record Backoff(Duration first, Duration cap, RandomGenerator random) {

        /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures (1, 2, ...). */
        // tag::backoff[]
        public Duration delayAfter(int attempt) {
            // first, 2 x first, 4 x first, ... but never more than cap: shift, with no overflow.
            long ceiling = Math.min(cap.toMillis(), first.toMillis() << Math.min(attempt - 1, 30));
            // "Full jitter": anything from 0 to the ceiling.
            return Duration.ofMillis(random.nextLong(ceiling + 1));
        }
        // end::backoff[]
    }

    private Retry() {}

    /**
     * Connects to {@code host:port}, each attempt bounded by {@code timeout}, trying again up to
     * {@code retries} times after a failure worth retrying. Each failure goes to {@code listener}
     * first.
     *
     * @return the connected socket; the caller closes it
     * @throws IOException the last failure, when it is not worth retrying or no retry is left
     */
    // tag::connect-with-retries[]
    public static Socket connect(String host, int port, Duration timeout, int retries, Backoff backoff,
            Sleeper sleeper, ErrorListener listener) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            var connection = new Socket();
            try {
                // A new InetSocketAddress each time: the name is looked up again.
                connection.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return connection;
            } catch (IOException failure) {
                connection.close();
                var code = ErrorCode.of(failure);
                listener.onError(code, failure);
                if (!code.worthRetrying() || attempt > retries) {
                    throw failure;
                }
                sleeper.sleep(backoff.delayAfter(attempt));
            }
        }
    }
    // end::connect-with-retries[]
}
