package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.ServerSocket;

// tag::exercise[]
/**
 * Exercise 1.3: a server that counts its clients.
 *
 * <p>Write a server that greets every client with its number, {@code you are client number N}
 * and {@code \r\n}, counting from 1 in the order the clients were accepted, then ends that
 * connection and waits for the next client. It keeps serving when one client goes wrong, and
 * stops when its listener is closed.
 *
 * <p>Example, with the server serving on port 8124, two clients in turn read:
 *
 * <pre>
 * you are client number 1
 * you are client number 2
 * </pre>
 *
 * <p>Hint: lesson 1's {@code Server} shows an accept loop and how it ends when the listener is
 * closed; a client that resets its connection makes a write fail with an {@code IOException}
 * that must not stop the loop. The count is read from another thread than the one that counts.
 */
public final class CountingServer {

    private final ServerSocket listener;

    /** A server that will accept clients on {@code listener}, which is already bound. */
    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    /**
     * Accepts and greets clients, one after the other, until the listener is closed.
     *
     * <p>Blocks the calling thread; returns normally once the listener is closed.
     *
     * @throws IOException if accepting fails for another reason than the listener being closed
     */
    public void serve() throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 1.3: implement serve, see lesson 1 \"Exercise 1.3: a server that counts its clients\"");
    }

    /** How many clients have been accepted so far; safe to call from any thread. */
    public int clientsServed() {
        throw new UnsupportedOperationException(
                "Exercise 1.3: implement clientsServed, see lesson 1 \"Exercise 1.3: a server that counts its clients\"");
    }
}
// end::exercise[]
