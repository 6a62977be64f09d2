// WRONG, misses the main idea: checks the clock between reads but leaves each read the socket's own timeout, so a read that blocks runs past the deadline.
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
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        InputStream in = connection.getInputStream();
        byte[] buffer = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (System.nanoTime() >= giveUpAt) {
                throw new SocketTimeoutException("deadline passed with " + filled + " of " + length + " bytes");
            }
            int n = in.read(buffer, filled, length - filled);
            if (n < 0) {
                throw new EOFException("connection ended after " + filled + " bytes");
            }
            filled += n;
        }
        return buffer;
    }
}
