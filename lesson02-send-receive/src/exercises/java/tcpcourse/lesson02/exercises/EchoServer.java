package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;

// tag::exercise[]
/**
 * Exercise 2.3: an echo server for many clients at once.
 *
 * <p>Write a server that sends back to each client every byte it receives from that client,
 * exactly as it came (it need not be text) and as soon as it arrives: a client may wait for the
 * echo of what it sent before it sends more. When the client ends its side, the server closes
 * that connection. Many clients are served at the same time: a client that connects and says
 * nothing must not hold up the others, and a client whose connection fails must not stop the
 * server. Closing the listener stops the server: {@code serve} then returns, without throwing.
 *
 * <p>Example:
 *
 * <pre>{@code
 * try (var listener = new ServerSocket(8124, 50, InetAddress.getLoopbackAddress())) {
 *     new EchoServer(listener).serve(); // returns once the listener is closed
 * }
 * }</pre>
 *
 * <p>Main idea: each connection is served on a thread of its own, so the accept loop goes straight
 * back to accept the next client while the clients before it are still connected.
 *
 * <p>Hint: {@code accept} in a loop, and each connection on a thread of its own, as lesson 2's
 * {@code Server} does; {@code serve} ends when {@code accept} fails because the listener was
 * closed.
 */
public final class EchoServer {

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
    }

    /**
     * Accepts and serves clients until the listener is closed.
     *
     * <p>Blocks the calling thread; returns normally once the listener has been closed.
     *
     * @throws IOException if accepting fails while the listener is open
     */
    public void serve() throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 2.3: implement serve, see lesson 2 \"Exercise 2.3: an echo server for many clients at once\"");
    }
}
// end::exercise[]
