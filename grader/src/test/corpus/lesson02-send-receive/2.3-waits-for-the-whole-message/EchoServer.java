// WRONG: it reads everything the client sends until the client's end (readAllBytes) before it sends anything back, so a client waiting for its echo waits for ever.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3: an echo server that reads the whole message, then echoes it. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
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
            new Thread(() -> {
                try (connection) {
                    byte[] message = connection.getInputStream().readAllBytes();
                    connection.getOutputStream().write(message);
                } catch (IOException failed) {
                    System.err.println("echo to " + connection.getRemoteSocketAddress() + " failed: " + failed);
                }
            }).start();
        }
    }
}
