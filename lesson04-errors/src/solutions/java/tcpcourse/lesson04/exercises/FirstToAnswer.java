package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.lesson04.ErrorListener;

/** Exercise 4.2, a reference solution: each address in turn, every failure kept. */
public final class FirstToAnswer {

    private FirstToAnswer() {}

    /**
     * Connects to the first of {@code candidates} that accepts within {@code timeoutEach}. Tries
     * them in order, and none after the one that accepts. Tells {@code listener} of each failure,
     * with its code as {@code ErrorCode.of} names it, before trying the next address.
     *
     * @param timeoutEach how long each address may take to accept; a timeout under a millisecond
     *     counts as one millisecond, as a connect timeout of 0 would mean no limit
     * @return the connected socket, open; the caller closes it
     * @throws IOException if none answered, with each failure, in order, as a suppressed exception
     */
    public static Socket connect(List<InetSocketAddress> candidates, Duration timeoutEach, ErrorListener listener)
            throws IOException {
        var noneAnswered = new IOException("none of the " + candidates.size() + " addresses answered");
        for (var candidate : candidates) {
            var connection = new Socket();
            try {
                connection.connect(candidate, millis(timeoutEach));
                return connection;
            } catch (IOException failure) {
                connection.close();
                listener.onError(ErrorCode.of(failure), failure);
                noneAnswered.addSuppressed(failure);
            }
        }
        throw noneAnswered;
    }

    /** A connect timeout in whole milliseconds: at least 1, as 0 would mean no limit. */
    private static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }
}
