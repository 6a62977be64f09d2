// WRONG: catches only the connect failures (refused, timed out), so an unknown host escapes the loop and stops it.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.lesson04.ErrorListener;

/** Exercise 4.2: connect to the first address that answers. */
public final class FirstToAnswer {

    private FirstToAnswer() {}

    /** Connects to the first of {@code candidates} that accepts within {@code timeoutEach}. */
    public static Socket connect(List<InetSocketAddress> candidates, Duration timeoutEach, ErrorListener listener)
            throws IOException {
        var noAnswer = new IOException("none of the " + candidates.size() + " addresses answered");
        for (var candidate : candidates) {
            var connection = new Socket();
            try {
                connection.connect(candidate, (int) Math.max(1, timeoutEach.toMillis()));
                return connection;
            } catch (ConnectException | SocketTimeoutException noConnection) {
                connection.close();
                listener.onError(ErrorCode.of(noConnection), noConnection);
                noAnswer.addSuppressed(noConnection);
            }
        }
        throw noAnswer;
    }
}
