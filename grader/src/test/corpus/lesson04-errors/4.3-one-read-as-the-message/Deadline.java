// WRONG: one read with the deadline as its timeout, taken as the whole message, so a message that arrives in parts comes back incomplete.
package tcpcourse.lesson04.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** Exercise 4.3: a deadline for a whole message. */
public final class Deadline {

    private Deadline() {}

    /** Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}. */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        long millis = deadline.toMillis();
        if (millis <= 0) {
            throw new java.net.SocketTimeoutException("no time to read");
        }
        connection.setSoTimeout((int) millis);
        byte[] message = new byte[length];
        int n = connection.getInputStream().read(message);
        if (n == -1) {
            throw new EOFException("connection closed before the message");
        }
        return message;
    }
}
