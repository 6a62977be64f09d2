// WRONG, misses the main idea: sets the socket's timeout to the deadline once and lets readFully read, so the deadline bounds each read, never the whole message.
package tcpcourse.lesson04.exercises;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** Exercise 4.3: a deadline for a whole message. */
public final class Deadline {

    private Deadline() {}

    /** Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}. */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        connection.setSoTimeout((int) deadline.toMillis());
        byte[] message = new byte[length];
        // readFully throws EOFException if the stream ends early, SocketTimeoutException on the timeout
        new DataInputStream(connection.getInputStream()).readFully(message);
        return message;
    }
}
