// WRONG: when one side ends, it closes the socket toward the other side instead of half-closing it, which ends the other direction too.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Exercise 2.2: both directions at once on a small pool. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at the same time. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> forward = pool.submit(() -> forward(left, right));
            Future<Long> backward = pool.submit(() -> forward(right, left));
            return new Copied(forward.get(), backward.get());
        } catch (ExecutionException e) {
            left.close();
            right.close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static long forward(Socket from, Socket to) throws IOException {
        try {
            long count = from.getInputStream().transferTo(to.getOutputStream());
            // nothing more will come from this side: we are done with the other one
            to.close();
            return count;
        } catch (IOException e) {
            from.close();
            to.close();
            throw e;
        }
    }
}
