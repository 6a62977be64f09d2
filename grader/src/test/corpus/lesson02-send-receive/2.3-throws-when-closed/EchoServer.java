// WRONG: serve lets the SocketException from accept escape when the listener is closed, so the normal way to stop the server ends in an exception.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** Exercise 2.3: a thread-per-client echo server. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        while (!listener.isClosed()) {
            Socket client = listener.accept();
            new Thread(() -> echo(client)).start();
        }
    }

    private static void echo(Socket client) {
        try (client) {
            client.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            System.err.println("client lost: " + e.getMessage());
        }
    }
}
