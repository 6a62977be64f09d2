// WRONG: it serves the connections on a fixed pool of four threads, so four clients that stay connected hold up every client after them.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Exercise 2.3: an echo server on a thread pool. */
public final class EchoServer {

    private static final int THREADS = 4;

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
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
                pool.execute(() -> echo(connection));
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            connection.getInputStream().transferTo(connection.getOutputStream());
        } catch (IOException failed) {
            System.err.println("echo failed: " + failed.getMessage());
        }
    }
}
