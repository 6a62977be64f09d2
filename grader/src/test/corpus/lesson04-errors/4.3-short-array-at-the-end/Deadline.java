// WRONG: when the peer ends early it returns the bytes it has, a shorter array, instead of throwing EOFException.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** Exercise 4.3: a deadline for a whole message. */
public final class Deadline {

    private Deadline() {}

    /** Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}. */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        InputStream fromPeer = connection.getInputStream();
        byte[] message = new byte[length];
        int got = 0;
        while (got < length) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("out of time after " + got + " bytes");
            }
            connection.setSoTimeout((int) left);
            int n = fromPeer.read(message, got, length - got);
            if (n == -1) {
                return Arrays.copyOf(message, got); // the peer is done: here is what it sent
            }
            got += n;
        }
        return message;
    }
}
