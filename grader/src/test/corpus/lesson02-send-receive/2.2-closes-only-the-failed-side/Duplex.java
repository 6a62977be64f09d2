// WRONG: when a direction fails it closes only the socket it was reading from, so the other direction goes on waiting on a silent peer and the relay never ends.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Exercise 2.2: one thread per direction. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        var problem = new AtomicReference<IOException>();
        var l2r = new AtomicLong();
        var r2l = new AtomicLong();
        Thread a = new Thread(() -> copy(left, right, l2r, problem));
        Thread b = new Thread(() -> copy(right, left, r2l, problem));
        a.start();
        b.start();
        a.join();
        b.join();
        if (problem.get() != null) {
            throw problem.get();
        }
        return new Copied(l2r.get(), r2l.get());
    }

    private static void copy(Socket from, Socket to, AtomicLong counter, AtomicReference<IOException> problem) {
        try {
            counter.set(from.getInputStream().transferTo(to.getOutputStream()));
            to.shutdownOutput();
        } catch (IOException e) {
            problem.compareAndSet(null, e);
            try {
                from.close(); // this side is broken
            } catch (IOException ignored) {
                // already broken
            }
        }
    }
}
