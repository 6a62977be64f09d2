// WRONG: describe concatenates the socket addresses' toString(), which writes /127.0.0.1:8124 with a slash.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Exercise 1.1: connect with a timeout. */
public final class TimedConnect {

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        long millis = Math.max(1, timeout.toMillis());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) millis);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    public static String describe(Socket connection) {
        return connection.getLocalSocketAddress() + " -> " + connection.getRemoteSocketAddress();
    }
}
