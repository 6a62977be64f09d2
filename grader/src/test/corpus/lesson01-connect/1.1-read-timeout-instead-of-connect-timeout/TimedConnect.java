// WRONG, misses the main idea: it sets the read timeout (setSoTimeout), which does not bound the handshake, and connects without a timeout.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import tcpcourse.common.Addresses;

/** Exercise 1.1: connect with a timeout. */
public final class TimedConnect {

    private TimedConnect() {}

    /** Connects to {@code host:port}, waiting at most {@code timeout}. */
    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        // so that we never wait longer than the timeout
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    /** Describes both ends as {@code local -> remote}. */
    public static String describe(Socket connection) {
        return Addresses.describe(connection.getLocalSocketAddress()) + " -> "
                + Addresses.describe(connection.getRemoteSocketAddress());
    }
}
