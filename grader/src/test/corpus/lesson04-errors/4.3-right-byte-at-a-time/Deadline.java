// RIGHT, another way: reads one byte per read(), with the wall clock (currentTimeMillis) and the time left rounded up to a whole millisecond before each.
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
        long deadlineMillis = System.currentTimeMillis() + deadline.toMillis();
        InputStream fromPeer = connection.getInputStream();
        byte[] message = new byte[length];
        for (int index = 0; index < length; index++) {
            long millisLeft = deadlineMillis - System.currentTimeMillis();
            if (millisLeft <= 0) {
                throw new SocketTimeoutException("the deadline passed with " + index + " of " + length + " bytes");
            }
            connection.setSoTimeout((int) Math.min(millisLeft, Integer.MAX_VALUE));
            int next = fromPeer.read();
            if (next == -1) {
                throw new EOFException("the peer ended after " + index + " of " + length + " bytes");
            }
            message[index] = (byte) next;
        }
        return message;
    }
}
