// WRONG: it stops waiting after the timeout but leaves new Socket(host, port) running on another thread, so the connection is still made later.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tcpcourse.common.Addresses;

/** Exercise 1.1: connect with a timeout. */
public final class TimedConnect {

    private static final ExecutorService connectors = Executors.newCachedThreadPool();

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        Future<Socket> attempt = connectors.submit(() -> new Socket(host, port));
        try {
            return attempt.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException tooSlow) {
            attempt.cancel(true);
            throw new SocketTimeoutException("no answer from " + host + ":" + port + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException ioFailure) {
                throw ioFailure;
            }
            throw new IOException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + host + ":" + port);
        }
    }

    public static String describe(Socket connection) {
        return Addresses.describe(connection.getLocalSocketAddress()) + " -> "
                + Addresses.describe(connection.getRemoteSocketAddress());
    }
}
