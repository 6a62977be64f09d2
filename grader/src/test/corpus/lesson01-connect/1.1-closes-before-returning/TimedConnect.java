// WRONG: it opens the socket in try-with-resources, so the socket it returns is already closed.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import tcpcourse.common.Addresses;

/** Exercise 1.1: connect with a timeout. */
public final class TimedConnect {

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        // try-with-resources, so the socket is never leaked
        try (var connection = new Socket()) {
            connection.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return connection;
        }
    }

    public static String describe(Socket connection) {
        return Addresses.describe(connection.getLocalSocketAddress()) + " -> "
                + Addresses.describe(connection.getRemoteSocketAddress());
    }
}
