// WRONG: catches the read's SocketTimeoutException at the deadline and returns the part that arrived, zero-filled, instead of letting the timeout be thrown.
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
        long end = System.nanoTime() + deadline.toNanos();
        InputStream in = connection.getInputStream();
        byte[] message = new byte[length];
        int received = 0;
        try {
            while (received < length) {
                long left = Duration.ofNanos(end - System.nanoTime()).toMillis();
                if (left <= 0) {
                    break;
                }
                connection.setSoTimeout((int) left);
                int n = in.read(message, received, length - received);
                if (n == -1) {
                    throw new EOFException("ended after " + received + " bytes");
                }
                received += n;
            }
        } catch (SocketTimeoutException outOfTime) {
            // deadline reached: give back what we have
        }
        return message;
    }
}
