// WRONG: divides the nanoseconds left by 1000, which gives microseconds, and passes them as milliseconds, so each read may wait a thousand times too long.
package tcpcourse.lesson04.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Exercise 4.3: a deadline for a whole message. */
public final class Deadline {

    private Deadline() {}

    /** Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}. */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        final long stopAt = System.nanoTime() + deadline.toNanos();
        InputStream stream = connection.getInputStream();
        byte[] data = new byte[length];
        int read = 0;
        while (read < length) {
            long left = (stopAt - System.nanoTime()) / 1000;
            if (left <= 0) {
                throw new SocketTimeoutException("timed out after " + read + " of " + length + " bytes");
            }
            connection.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            int count = stream.read(data, read, length - read);
            if (count == -1) {
                throw new EOFException("the peer closed after " + read + " bytes");
            }
            read += count;
        }
        return data;
    }
}
