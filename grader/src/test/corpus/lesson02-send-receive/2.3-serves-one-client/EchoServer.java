// WRONG: serve accepts a single client, hands it to a thread and returns: there is no loop, so every later client is never accepted.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3: an echo server. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves a client on its own thread. */
    public void serve() throws IOException {
        Socket connection;
        try {
            connection = listener.accept();
        } catch (SocketException closed) {
            if (listener.isClosed()) {
                return;
            }
            throw closed;
        }
        Thread worker = new Thread(() -> {
            try (connection) {
                connection.getInputStream().transferTo(connection.getOutputStream());
            } catch (IOException e) {
                System.err.println("echo failed: " + e.getMessage());
            }
        });
        worker.start();
    }
}
