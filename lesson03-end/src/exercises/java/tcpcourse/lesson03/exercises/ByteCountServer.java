package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.ServerSocket;

// tag::exercise[]
/**
 * Exercise 3.3: a server that answers at the end.
 *
 * <p>Write a server that reads everything a client sends until the client ends its side, then
 * answers with the number of bytes it received, in decimal, followed by {@code \n}, and closes
 * the connection. It answers nothing before the client's end. Several clients are served at once.
 *
 * <p>Example: a client sends {@code "héllo"} (6 bytes in UTF-8) and ends its side; the server
 * answers {@code "6\n"} and closes.
 *
 * <p>Main idea: the client's end (a read returning -1) is the only sign that its request is
 * complete: count up to it, then answer on the same connection, which can still be written, and
 * close it.
 *
 * <p>Hint: count what each {@code read} returns, not the size of your array. -1 is the client's
 * end, and the socket can still be written to after it.
 */
public final class ByteCountServer {

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public ByteCountServer(ServerSocket listener) {
    }

    /**
     * Accepts clients, each served on a thread of its own, until the listener is closed.
     *
     * <p>Any number of clients may be connected at once, each still sending; each client's count
     * is its own. The answer is the digits and {@code \n} (not {@code \r\n}), nothing else, and
     * then the connection is closed.
     *
     * <p>Blocks the calling thread; returns once the listener has been closed.
     *
     * @throws IOException if accepting fails while the listener is open
     */
    public void serve() throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 3.3: implement serve, see lesson 3 \"Exercise 3.3: a server that answers at the end\"");
    }
}
// end::exercise[]
