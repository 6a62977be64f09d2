// WRONG: it rounds a timeout up to whole milliseconds, but no time left (zero, or negative) still goes to Socket.connect as 0 ms ("wait for ever") or as an illegal negative.
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
        // round up, so that 0.5 ms does not become 0 ms
        int millis = (int) Math.ceil(timeout.toNanos() / 1_000_000.0);
        var socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), millis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    public static String describe(Socket connection) {
        return Addresses.describe(connection.getLocalSocketAddress()) + " -> "
                + Addresses.describe(connection.getRemoteSocketAddress());
    }
}
