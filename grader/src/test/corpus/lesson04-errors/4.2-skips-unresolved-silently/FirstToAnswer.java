// WRONG: skips an unresolved address without trying it, so its UnknownHostException is never reported nor kept.
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
        var failures = new IOException("could not connect to any of " + candidates);
        int millis = (int) Math.max(1, timeoutEach.toMillis());
        for (var candidate : candidates) {
            if (candidate.isUnresolved()) {
                continue; // no address to connect to
            }
            var socket = new Socket();
            try {
                socket.connect(candidate, millis);
                return socket;
            } catch (IOException failure) {
                socket.close();
                listener.onError(ErrorCode.of(failure), failure);
                failures.addSuppressed(failure);
            }
        }
        throw failures;
    }
}
