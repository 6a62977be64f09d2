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

    /** Connects to the first of {@code candidates} that accepts within {@code timeoutEach}. */
    public static Socket connect(List<InetSocketAddress> candidates, Duration timeoutEach, ErrorListener listener)
            throws IOException {
        var noneAnswered = new IOException("none of the " + candidates.size() + " addresses answered");
        for (var candidate : candidates) {
            var connection = new Socket();
            try {
                connection.connect(candidate, (int) timeoutEach.toMillis());
                return connection;
            } catch (IOException failure) {
                connection.close();
                listener.onError(ErrorCode.of(failure), failure);
                noneAnswered.addSuppressed(failure);
            }
        }
        throw noneAnswered;
    }
}
