// WRONG: it returns the two counts the wrong way round: what went right to left as leftToRight.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Exercise 2.2: copies both ways at once, the other way on a thread of its own. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        var background = new FutureTask<>(() -> copy(right, left));
        new Thread(background, "right to left").start();
        long mine = copy(left, right);
        try {
            long theirs = background.get();
            return new Copied(theirs, mine);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        }
    }

    private static long copy(Socket from, Socket to) throws IOException {
        try {
            long copied = from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
            return copied;
        } catch (IOException failed) {
            from.close();
            to.close();
            throw failed;
        }
    }
}
