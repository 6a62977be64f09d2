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
 * <p>Main idea: end only our direction of the connection: the peer reads the final data and then
 * the end, while this socket stays open and goes on reading what the peer sends back.
 *
 * <p>Hint: {@code close()} would end both directions. Look at the other method of {@code Socket}
 * whose name starts with {@code shutdown}.
 */
public final class Ending {

    private Ending() {}

    /**
     * Writes {@code finalData} (possibly empty), then ends this side of the connection.
     *
     * <p>The bytes go out exactly as given: they need not be text. Even with no data, the peer
     * reads the end.
     *
     * <p>Does not close the socket: reading goes on until the peer ends its side. Does not wait
     * for the peer either: returns once the data and the end are handed to the system.
     *
     * @throws IOException if writing fails, for example because the socket is already closed
     */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        throw new UnsupportedOperationException("Exercise 3.1: implement end, see lesson 3 \"Exercise 3.1: end(data)\"");
    }
}
// end::exercise[]
