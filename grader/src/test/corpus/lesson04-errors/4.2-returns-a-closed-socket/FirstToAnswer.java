// WRONG: opens each socket in try-with-resources, so the connection it returns has already been closed.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
        var noneAnswered = new IOException("none of " + candidates.size() + " addresses answered");
        for (var candidate : candidates) {
            try (var connection = new Socket()) {
                connection.connect(candidate, (int) Math.max(1, timeoutEach.toMillis()));
                return connection;
            } catch (IOException failure) {
                listener.onError(ErrorCode.of(failure), failure);
                noneAnswered.addSuppressed(failure);
            }
        }
        throw noneAnswered;
    }
}
