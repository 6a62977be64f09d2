package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3, reference solution: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    // Written by the serving thread, read by any other: an AtomicInteger makes each update visible.
    private final AtomicInteger clientsAccepted = new AtomicInteger();

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
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException closed) {
                if (listener.isClosed()) {
                    return;
                }
                throw closed;
            }
            int number = clientsAccepted.incrementAndGet();
            try (connection) {
                connection.getOutputStream().write(("you are client number " + number + "\r\n").getBytes(UTF_8));
            } catch (IOException clientWentAway) {
                // Only this client is lost; the next one is still served.
                System.err.println("client number " + number + " failed: " + clientWentAway.getMessage());
            }
        }
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
        return clientsAccepted.get();
    }
}
