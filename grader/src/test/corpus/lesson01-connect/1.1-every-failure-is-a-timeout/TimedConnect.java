// WRONG: it turns every failure into a SocketTimeoutException, so a refused connection or an unknown host is reported as a timeout.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import tcpcourse.common.Addresses;

/** Exercise 1.1: connect with a timeout. */
public final class TimedConnect {

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return socket;
        } catch (IOException couldNotConnect) {
            socket.close();
            throw new SocketTimeoutException("could not connect to " + host + ":" + port + " within "
                    + timeout.toMillis() + " ms: " + couldNotConnect.getMessage());
        }
    }

    public static String describe(Socket connection) {
        return Addresses.describe(connection.getLocalSocketAddress()) + " -> "
                + Addresses.describe(connection.getRemoteSocketAddress());
    }
}
