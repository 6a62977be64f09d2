// WRONG, misses the main idea: it serves each client in the accept loop itself, so the next client waits until the one before has left.
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

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            try (client) {
                client.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException e) {
                System.err.println("client failed: " + e.getMessage());
            }
        }
    }
}
