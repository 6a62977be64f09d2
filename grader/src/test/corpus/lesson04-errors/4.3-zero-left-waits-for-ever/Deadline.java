// WRONG: gives up only when the time left is negative, so with under a millisecond left it sets a socket timeout of 0, which waits for ever.
package tcpcourse.lesson04.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Exercise 4.3: a deadline for a whole message. */
public final class Deadline {

    private Deadline() {}

    /** Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}. */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        long endNanos = System.nanoTime() + deadline.toNanos();
        InputStream in = connection.getInputStream();
        byte[] bytes = new byte[length];
        int off = 0;
        while (off < length) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
            if (leftMillis < 0) {
                throw new SocketTimeoutException("deadline passed after " + off + " bytes");
            }
            connection.setSoTimeout((int) leftMillis);
            int n = in.read(bytes, off, length - off);
            if (n == -1) {
                throw new EOFException("peer closed after " + off + " of " + length + " bytes");
            }
            off += n;
        }
        return bytes;
    }
}
