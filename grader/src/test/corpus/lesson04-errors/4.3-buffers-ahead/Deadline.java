// WRONG: reads through a BufferedInputStream of its own, which takes bytes beyond the message off the socket, so the next message is lost.
package tcpcourse.lesson04.exercises;

import java.io.BufferedInputStream;
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
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        InputStream in = new BufferedInputStream(connection.getInputStream());
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            long remaining = Duration.ofNanos(deadlineAt - System.nanoTime()).toMillis();
            if (remaining <= 0) {
                throw new SocketTimeoutException("deadline passed after " + i + " bytes");
            }
            connection.setSoTimeout((int) remaining);
            int b = in.read();
            if (b == -1) {
                throw new EOFException("only " + i + " of " + length + " bytes before the end");
            }
            out[i] = (byte) b;
        }
        return out;
    }
}
