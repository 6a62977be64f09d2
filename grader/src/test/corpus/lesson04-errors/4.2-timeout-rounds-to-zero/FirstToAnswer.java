// WRONG: passes timeoutEach.toMillis() as it is, so a timeout under a millisecond becomes 0, which connect takes as no limit at all.
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
        IOException everyFailure = new IOException("no address answered");
        for (InetSocketAddress address : candidates) {
            Socket attempt = new Socket();
            try {
                attempt.connect(address, (int) timeoutEach.toMillis());
                return attempt;
            } catch (IOException failed) {
                attempt.close();
                listener.onError(ErrorCode.of(failed), failed);
                everyFailure.addSuppressed(failed);
            }
        }
        throw everyFailure;
    }
}
