// WRONG: checks the clock before each read but gives every read the whole deadline as its timeout, so a read that starts late waits almost a full deadline past it.
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
        long start = System.nanoTime();
        int timeout = (int) Math.max(1, deadline.toMillis());
        connection.setSoTimeout(timeout);
        InputStream input = connection.getInputStream();
        byte[] result = new byte[length];
        int have = 0;
        while (have < length) {
            if (System.nanoTime() - start >= deadline.toNanos()) {
                throw new SocketTimeoutException("message not complete within " + deadline.toMillis() + " ms");
            }
            int count = input.read(result, have, length - have);
            if (count == -1) {
                throw new EOFException("ended after " + have + " of " + length + " bytes");
            }
            have += count;
        }
        return result;
    }
}
