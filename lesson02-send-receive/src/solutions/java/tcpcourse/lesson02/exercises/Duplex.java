package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Exercise 2.2, a reference solution: copies both ways at once, one way on a thread of its own. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /**
     * Copies {@code left}'s input to {@code right}'s output and {@code right}'s input to
     * {@code left}'s output, at the same time, until both inputs have ended.
     *
     * <p>Blocks until both directions have ended. Does not close the sockets, unless a direction
     * fails.
     *
     * @return how many bytes went each way: {@code leftToRight} from {@code left}'s input to
     *     {@code right}'s output, {@code rightToLeft} the other way
     * @throws IOException if either direction fails; both sockets are closed then
     */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        var leftToRight = new FutureTask<>(() -> copy(left, right));
        new Thread(leftToRight, "left to right").start();
        long rightToLeft = copy(right, left);
        try {
            return new Copied(leftToRight.get(), rightToLeft);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof IOException copyFailed ? copyFailed : new IOException(failed.getCause());
        }
    }

    private static long copy(Socket from, Socket to) throws IOException {
        try {
            long copied = from.getInputStream().transferTo(to.getOutputStream());
            // The source has ended: pass the end on, while the other direction goes on.
            to.shutdownOutput();
            return copied;
        } catch (IOException failed) {
            // A reset or a failed write breaks the relay: closing both sockets ends the other
            // direction too, which would otherwise wait for ever on a peer that may never speak.
            from.close();
            to.close();
            throw failed;
        }
    }
}
