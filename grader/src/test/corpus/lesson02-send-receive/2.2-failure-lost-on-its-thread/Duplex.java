// WRONG: a failure on the extra thread (the right-to-left direction) dies with that thread: nothing is closed and nothing thrown, so the calling thread waits for ever on the left side.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** Exercise 2.2: the calling thread copies up, a helper thread copies down. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        AtomicLong down = new AtomicLong();
        Thread downThread = new Thread(() -> {
            try {
                down.set(right.getInputStream().transferTo(left.getOutputStream()));
                left.shutdownOutput();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        downThread.start();
        long up;
        try {
            up = left.getInputStream().transferTo(right.getOutputStream());
            right.shutdownOutput();
        } catch (IOException e) {
            left.close();
            right.close();
            throw e;
        }
        downThread.join();
        return new Copied(up, down.get());
    }
}
