package tcpcourse.lesson04.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Exercise 4.3, a reference solution: each read gets only the time left. */
public final class Deadline {

    private Deadline() {}

    /**
     * Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}, and not
     * a byte more: what follows stays on the stream for the next read. Blocks until they have all
     * arrived, but never past the deadline, however they arrive; with no time left (a deadline of
     * zero), gives up at once.
     *
     * @throws java.net.SocketTimeoutException if the deadline passes first
     * @throws java.io.EOFException if the peer ends the connection first
     */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        byte[] message = new byte[length];
        int received = 0;
        while (received < length) {
            long left = Duration.ofNanos(end - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new SocketTimeoutException("deadline of " + deadline.toMillis() + " ms passed after "
                        + received + " of " + length + " bytes");
            }
            connection.setSoTimeout((int) left);
            int count = connection.getInputStream().read(message, received, length - received);
            if (count == -1) {
                throw new EOFException("the peer ended the connection after " + received + " of " + length + " bytes");
            }
            received += count;
        }
        return message;
    }
}
