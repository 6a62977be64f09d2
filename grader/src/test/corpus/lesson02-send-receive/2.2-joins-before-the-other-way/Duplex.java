// WRONG, misses the main idea: it starts a thread for one direction but joins it before it copies the other way, so the two directions still run one after the other.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Exercise 2.2: a relay with a thread for the way up. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways, the way up on a thread of its own. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        var upCount = new AtomicLong();
        var upFailure = new AtomicReference<IOException>();
        Thread up = new Thread(() -> {
            try {
                upCount.set(pump(left, right));
            } catch (IOException e) {
                upFailure.set(e);
            }
        });
        up.start();
        up.join();
        if (upFailure.get() != null) {
            throw upFailure.get();
        }
        long downCount = pump(right, left);
        return new Copied(upCount.get(), downCount);
    }

    private static long pump(Socket source, Socket target) throws IOException {
        try {
            long n = source.getInputStream().transferTo(target.getOutputStream());
            target.shutdownOutput();
            return n;
        } catch (IOException e) {
            source.close();
            target.close();
            throw e;
        }
    }
}
