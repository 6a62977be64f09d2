// WRONG: keeps the failures and tells the listener of them only when every address has failed, so a connection after failures reports none of them.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.lesson04.ErrorListener;

/** Exercise 4.2: connect to the first address that answers. */
public final class FirstToAnswer {

    private FirstToAnswer() {}

    /** Connects to the first of {@code candidates} that accepts within {@code timeoutEach}. */
    public static Socket connect(List<InetSocketAddress> candidates, Duration timeoutEach, ErrorListener listener)
            throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (InetSocketAddress candidate : candidates) {
            Socket socket = new Socket();
            try {
                socket.connect(candidate, (int) Math.max(1, timeoutEach.toMillis()));
                return socket;
            } catch (IOException failure) {
                socket.close();
                failures.add(failure);
            }
        }
        IOException none = new IOException("none of the addresses answered");
        for (IOException failure : failures) {
            listener.onError(ErrorCode.of(failure), failure);
            none.addSuppressed(failure);
        }
        throw none;
    }
}
