// WRONG: its copy loop writes the whole buffer after each read instead of only the bytes that read returned, so stale bytes follow every short read.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Exercise 2.2: a relay with its own copy loop. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        var failure = new AtomicReference<IOException>();
        var toRight = new AtomicLong();
        Thread worker = new Thread(() -> {
            try {
                toRight.set(pipe(left, right));
            } catch (IOException e) {
                failure.set(e);
            }
        });
        worker.start();
        long toLeft;
        try {
            toLeft = pipe(right, left);
        } finally {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Copied(toRight.get(), toLeft);
    }

    private static long pipe(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        byte[] buffer = new byte[1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer);
                total += n;
            }
            to.shutdownOutput();
            return total;
        } catch (IOException e) {
            from.close();
            to.close();
            throw e;
        }
    }
}
