// RIGHT, another way: two threads of its own, each with its own read/write loop instead of transferTo, and the calling thread joins both; the first failure is kept and thrown.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Exercise 2.2: a relay with a thread and a loop per direction. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once until both inputs have ended. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        var firstFailure = new AtomicReference<IOException>();
        var towardRight = new AtomicLong();
        var towardLeft = new AtomicLong();
        Thread up = new Thread(() -> pump(left, right, towardRight, firstFailure), "relay up");
        Thread down = new Thread(() -> pump(right, left, towardLeft, firstFailure), "relay down");
        up.start();
        down.start();
        up.join();
        down.join();
        if (firstFailure.get() != null) {
            throw firstFailure.get();
        }
        return new Copied(towardRight.get(), towardLeft.get());
    }

    private static void pump(Socket from, Socket to, AtomicLong copied, AtomicReference<IOException> firstFailure) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                copied.addAndGet(read);
            }
            to.shutdownOutput();
        } catch (IOException failed) {
            firstFailure.compareAndSet(null, failed);
            closeQuietly(from, failed);
            closeQuietly(to, failed);
        }
    }

    private static void closeQuietly(Socket socket, IOException cause) {
        try {
            socket.close();
        } catch (IOException alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }
}
