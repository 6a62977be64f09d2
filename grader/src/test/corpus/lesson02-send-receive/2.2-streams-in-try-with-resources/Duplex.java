// WRONG: each direction opens the sockets' streams in try-with-resources, and closing a socket's stream closes the whole socket, so the first side to end cuts the other direction off.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Exercise 2.2: both directions at once, every stream closed when it is done. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            Future<Long> leftToRight = threads.submit(() -> copy(left, right));
            Future<Long> rightToLeft = threads.submit(() -> copy(right, left));
            return new Copied(leftToRight.get(), rightToLeft.get());
        } catch (ExecutionException failed) {
            left.close();
            right.close();
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        } finally {
            threads.shutdown();
        }
    }

    private static long copy(Socket from, Socket to) throws IOException {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            long copied = in.transferTo(out);
            to.shutdownOutput();
            return copied;
        } catch (IOException failed) {
            from.close();
            to.close();
            throw failed;
        }
    }
}
