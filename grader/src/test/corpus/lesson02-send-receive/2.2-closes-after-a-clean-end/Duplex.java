// WRONG: it closes both sockets when it is done, even after a clean end, though they belong to the caller unless a direction fails.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Exercise 2.2: a relay that tidies up when it is done. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once, then closes both sockets. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        try (left; right) {
            CompletableFuture<Long> there = CompletableFuture.supplyAsync(() -> oneWay(left, right));
            CompletableFuture<Long> back = CompletableFuture.supplyAsync(() -> oneWay(right, left));
            return new Copied(there.join(), back.join());
        } catch (CompletionException e) {
            throw (IOException) e.getCause().getCause();
        }
    }

    private static long oneWay(Socket from, Socket to) {
        try {
            long n = from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
            return n;
        } catch (IOException e) {
            try {
                from.close();
                to.close();
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new java.io.UncheckedIOException(e);
        }
    }
}
