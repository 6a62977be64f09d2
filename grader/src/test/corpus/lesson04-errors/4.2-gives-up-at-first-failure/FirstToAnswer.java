// WRONG, misses the main idea: the try is around the whole loop, so the first failure is reported and thrown and no other address is tried.
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
        int timeout = (int) Math.max(1, timeoutEach.toMillis());
        try {
            for (InetSocketAddress address : candidates) {
                Socket socket = new Socket();
                socket.connect(address, timeout);
                return socket;
            }
        } catch (IOException failure) {
            listener.onError(ErrorCode.of(failure), failure);
            throw failure;
        }
        throw new IOException("no addresses given");
    }
}
