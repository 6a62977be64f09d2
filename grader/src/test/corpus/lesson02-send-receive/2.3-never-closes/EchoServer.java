// WRONG: it never closes a connection: when the client ends its side the echo thread just returns, so the client waits for the server's end for ever (and the socket leaks).
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3: an echo server for many clients at once. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        while (true) {
            Socket s;
            try {
                s = listener.accept();
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            new Thread(() -> {
                try {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException e) {
                    System.err.println("echo failed: " + e.getMessage());
                }
            }).start();
        }
    }
}
