package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3, a reference solution: one thread per client, each echoing until its client ends. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /**
     * Accepts and serves clients until the listener is closed.
     *
     * <p>Blocks the calling thread; returns normally once the listener has been closed.
     *
     * @throws IOException if accepting fails while the listener is open
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
            new Thread(() -> echo(connection)).start();
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            connection.getInputStream().transferTo(connection.getOutputStream());
        } catch (IOException clientFailed) {
            // Only this client is lost.
            System.err.println("echo to " + connection.getRemoteSocketAddress() + " failed: " + clientFailed.getMessage());
        }
    }
}
