package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

// tag::exercise[]
/**
 * Exercise 1.1: connect with a timeout.
 *
 * <p>{@code new Socket(host, port)} waits as long as the operating system lets it, which can
 * be minutes when nobody answers. Write {@link #connect} so that it gives up after
 * {@code timeout}, and {@link #describe} so that it reports both ends of a connection.
 *
 * <p>Example, with lesson 1's server running:
 *
 * <pre>{@code
 * try (Socket connection = TimedConnect.connect("127.0.0.1", 8124, Duration.ofSeconds(2))) {
 *     System.out.println(TimedConnect.describe(connection)); // 127.0.0.1:53422 -> 127.0.0.1:8124
 * }
 * }</pre>
 *
 * <p>Main idea: the handshake itself gets a deadline: {@code connect} gives up with a
 * {@code SocketTimeoutException} once {@code timeout} has passed, instead of waiting as long as
 * the operating system lets it.
 *
 * <p>Hint: a {@code Socket} can be created unconnected and connected afterwards; look for the
 * {@code connect} method that takes a timeout in milliseconds. {@code Addresses.describe}
 * writes one endpoint.
 */
public final class TimedConnect {

    private TimedConnect() {}

    /**
     * Connects to {@code host:port}, waiting at most {@code timeout} for the handshake.
     *
     * <p>A timeout under one millisecond, zero or negative included, counts as one millisecond:
     * no timeout ever means "wait for ever". Once connect has given up, the attempt is over: no
     * connection is made later on.
     *
     * @return the connected socket, open; the caller closes it
     * @throws java.net.SocketTimeoutException if the server did not answer within {@code timeout}
     * @throws java.net.ConnectException if the server refused the connection
     * @throws java.net.UnknownHostException if {@code host} cannot be resolved
     */
    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 1.1: implement connect, see lesson 1 \"Exercise 1.1: connect with a timeout\"");
    }

    /**
     * Describes both ends of a connected socket as {@code local -> remote}, for example
     * {@code 127.0.0.1:53422 -> 127.0.0.1:8124}.
     */
    public static String describe(Socket connection) {
        throw new UnsupportedOperationException(
                "Exercise 1.1: implement describe, see lesson 1 \"Exercise 1.1: connect with a timeout\"");
    }
}
// end::exercise[]
