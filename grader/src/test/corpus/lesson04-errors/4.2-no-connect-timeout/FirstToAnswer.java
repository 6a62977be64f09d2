// WRONG: connects with new Socket(host, port), which has no timeout, so an address that never answers holds up the rest for minutes.
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
        IOException allFailed = new IOException("no address answered");
        for (InetSocketAddress candidate : candidates) {
            try {
                // the host name resolves here, and fails with UnknownHostException when it cannot
                return new Socket(candidate.getHostString(), candidate.getPort());
            } catch (IOException e) {
                listener.onError(ErrorCode.of(e), e);
                allFailed.addSuppressed(e);
            }
        }
        throw allFailed;
    }
}
