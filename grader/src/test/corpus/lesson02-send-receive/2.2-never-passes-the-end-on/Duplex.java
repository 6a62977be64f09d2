// WRONG: when one side ends its stream it stops copying that way but never passes the end on (no shutdownOutput), so the other side waits for it for ever.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Exercise 2.2: copies both ways at once. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at the same time until both have ended. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        FutureTask<Long> toRight = new FutureTask<>(() -> relay(left, right));
        Thread helper = new Thread(toRight);
        helper.start();
        long toLeft = relay(right, left);
        try {
            return new Copied(toRight.get(), toLeft);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        }
    }

    private static long relay(Socket in, Socket out) throws IOException {
        try {
            return in.getInputStream().transferTo(out.getOutputStream());
        } catch (IOException e) {
            in.close();
            out.close();
            throw e;
        }
    }
}
