// RIGHT, another way: recursion over the rest of the list instead of a loop, the failures gathered in a list and put into the exception at the end.
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
        int millis = timeoutEach.compareTo(Duration.ofMillis(1)) < 0 ? 1
                : (int) Math.min(Integer.MAX_VALUE, timeoutEach.toMillis());
        return tryFrom(candidates, 0, millis, listener, new ArrayList<>());
    }

    private static Socket tryFrom(List<InetSocketAddress> candidates, int index, int millis, ErrorListener listener,
            List<IOException> failures) throws IOException {
        if (index == candidates.size()) {
            var none = new IOException("no answer from any of " + candidates);
            failures.forEach(none::addSuppressed);
            throw none;
        }
        var socket = new Socket();
        try {
            socket.connect(candidates.get(index), millis);
            return socket;
        } catch (IOException failure) {
            socket.close();
            listener.onError(ErrorCode.of(failure), failure);
            failures.add(failure);
        }
        return tryFrom(candidates, index + 1, millis, listener, failures);
    }
}
