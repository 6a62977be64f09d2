// WRONG: throws the last failure with the earlier ones added to it, so the exception does not carry every failure as a suppressed one.
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
            } catch (IOException e) {
                socket.close();
                listener.onError(ErrorCode.of(e), e);
                failures.add(e);
            }
        }
        if (failures.isEmpty()) {
            throw new IOException("no candidates");
        }
        IOException last = failures.get(failures.size() - 1);
        for (IOException earlier : failures.subList(0, failures.size() - 1)) {
            last.addSuppressed(earlier);
        }
        throw last;
    }
}
