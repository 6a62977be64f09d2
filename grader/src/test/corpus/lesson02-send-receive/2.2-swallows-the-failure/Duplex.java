// WRONG: when a direction fails it closes both sockets but swallows the exception and returns the counts as if the relay had ended normally.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** Exercise 2.2: a relay that cleans up after itself. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        AtomicLong leftBytes = new AtomicLong();
        AtomicLong rightBytes = new AtomicLong();
        Thread t1 = new Thread(() -> transfer(left, right, leftBytes));
        Thread t2 = new Thread(() -> transfer(right, left, rightBytes));
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        return new Copied(leftBytes.get(), rightBytes.get());
    }

    private static void transfer(Socket from, Socket to, AtomicLong count) {
        try {
            count.set(from.getInputStream().transferTo(to.getOutputStream()));
            to.shutdownOutput();
        } catch (IOException e) {
            System.err.println("relay broken: " + e.getMessage());
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
            }
        }
    }
}
