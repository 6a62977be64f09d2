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
 * <p>The greeting is exactly those bytes: the text in UTF-8, then a carriage return and a line
 * feed. Each server counts its own clients, from 1. A client whose connection fails still
 * counts, since it was accepted: the next one gets the next number.
 *
 * <p>Example, with the server serving on port 8124, two clients in turn read:
 *
 * <pre>
 * you are client number 1
 * you are client number 2
 * </pre>
 *
 * <p>Main idea: a server is a loop: accept a client, serve it, end its connection, and accept
 * the next, so that one server serves client after client until its listener is closed.
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

    /**
     * How many clients have been accepted so far; safe to call from any thread.
     *
     * <p>It is called on other threads than the one running {@link #serve}, so the count is
     * kept where every update is visible to them: in a {@code volatile} field, or in a
     * {@code final} field holding an atomic of {@code java.util.concurrent.atomic}. A missing
     * guarantee rarely shows in a run, so the tests check how the count's field is declared.
     */
    public int clientsServed() {
        throw new UnsupportedOperationException(
                "Exercise 1.3: implement clientsServed, see lesson 1 \"Exercise 1.3: a server that counts its clients\"");
    }
}
// end::exercise[]
