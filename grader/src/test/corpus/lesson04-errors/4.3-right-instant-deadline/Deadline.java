// RIGHT, another way: the deadline as an Instant; the read's own SocketTimeoutException is caught and thrown again as one that says how far it got.
package tcpcourse.lesson04.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;

/** Exercise 4.3: a deadline for a whole message. */
public final class Deadline {

    private Deadline() {}

    /** Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}. */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        Instant giveUp = Instant.now().plus(deadline);
        var input = connection.getInputStream();
        var message = new byte[length];
        int done = 0;
        while (done != length) {
            Duration left = Duration.between(Instant.now(), giveUp);
            if (left.isNegative() || left.isZero()) {
                throw timedOut(done, length);
            }
            // round up: 0.4 ms left is 1 ms, never 0, which would mean no timeout at all
            long millis = left.plusNanos(999_999).toMillis();
            connection.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
            int count;
            try {
                count = input.read(message, done, length - done);
            } catch (SocketTimeoutException readTimedOut) {
                throw timedOut(done, length);
            }
            if (count < 0) {
                throw new EOFException("the connection ended after " + done + " of " + length + " bytes");
            }
            done += count;
        }
        return message;
    }

    private static SocketTimeoutException timedOut(int done, int length) {
        return new SocketTimeoutException("deadline passed after " + done + " of " + length + " bytes");
    }
}
