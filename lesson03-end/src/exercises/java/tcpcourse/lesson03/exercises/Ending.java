package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.Socket;

// tag::exercise[]
/**
 * Exercise 3.1: end(data).
 *
 * <p>Write Node's {@code socket.end(data)} for a Java socket: send {@code finalData}, then end our
 * side of the connection, so that the peer reads the data and then the end (-1), while this
 * socket can still read whatever the peer sends back.
 *
 * <p>Example:
 *
 * <pre>{@code
 * Ending.end(connection, "goodbye!\r\n".getBytes(UTF_8));
 * byte[] answer = connection.getInputStream().readAllBytes(); // the server's last words
 * }</pre>
 *
 * <p>Hint: {@code close()} would end both directions. Look at the other method of {@code Socket}
 * whose name starts with {@code shutdown}.
 */
public final class Ending {

    private Ending() {}

    /**
     * Writes {@code finalData} (possibly empty), then ends this side of the connection.
     *
     * <p>Does not close the socket: reading goes on until the peer ends its side.
     *
     * @throws IOException if writing fails
     */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        throw new UnsupportedOperationException("Exercise 3.1: implement end, see lesson 3 \"Exercise 3.1: end(data)\"");
    }
}
// end::exercise[]
