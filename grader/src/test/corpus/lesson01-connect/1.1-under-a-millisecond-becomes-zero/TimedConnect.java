// WRONG: a timeout under one millisecond becomes 0 ms, which Socket.connect takes as "wait for ever".
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
        Socket connection = new Socket();
        try {
            connection.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        } catch (IOException failed) {
            connection.close();
            throw failed;
        }
        return connection;
    }

    public static String describe(Socket connection) {
        return Addresses.describe(connection.getLocalSocketAddress()) + " -> "
                + Addresses.describe(connection.getRemoteSocketAddress());
    }
}
