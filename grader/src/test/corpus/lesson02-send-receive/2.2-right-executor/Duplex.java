// RIGHT, another way: both directions as tasks of an executor, neither on the calling thread, which waits for both futures; a failing task closes both sockets.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Exercise 2.2: a relay on an executor. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once until both inputs have ended. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        ExecutorService directions = Executors.newFixedThreadPool(2);
        try {
            Future<Long> leftToRight = directions.submit(direction(left, right));
            Future<Long> rightToLeft = directions.submit(direction(right, left));
            IOException failure = null;
            long[] counts = new long[2];
            Future<?>[] both = {leftToRight, rightToLeft};
            for (int i = 0; i < 2; i++) {
                try {
                    counts[i] = (Long) both[i].get();
                } catch (ExecutionException failed) {
                    if (failure == null) {
                        failure = failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return new Copied(counts[0], counts[1]);
        } finally {
            directions.shutdown();
        }
    }

    private static Callable<Long> direction(Socket from, Socket to) {
        return () -> {
            try {
                long copied = from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
                return copied;
            } catch (IOException failed) {
                // Closing both ends the other task's read too, so both futures finish.
                from.close();
                to.close();
                throw failed;
            }
        };
    }
}
