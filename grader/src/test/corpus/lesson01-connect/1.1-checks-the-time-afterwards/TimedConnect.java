// WRONG, misses the main idea: it connects with new Socket(host, port) and only checks afterwards whether that took too long, so it waits as long as the system lets it.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Exercise 1.1: connect with a timeout. */
public final class TimedConnect {

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        long startedAt = System.nanoTime();
        Socket connection = new Socket(host, port);
        Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
        if (took.compareTo(timeout) > 0) {
            connection.close();
            throw new SocketTimeoutException("connecting to " + host + ":" + port + " took " + took.toMillis()
                    + " ms, more than " + timeout.toMillis() + " ms");
        }
        return connection;
    }

    public static String describe(Socket connection) {
        return connection.getLocalAddress().getHostAddress() + ":" + connection.getLocalPort() + " -> "
                + connection.getInetAddress().getHostAddress() + ":" + connection.getPort();
    }
}
