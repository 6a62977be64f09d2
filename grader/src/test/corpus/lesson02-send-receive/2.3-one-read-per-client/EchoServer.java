// WRONG: it takes one read for the client's whole message: it echoes what the first read returned and closes the connection.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3: an echo server for many clients. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        for (;;) {
            final Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException stopped) {
                if (listener.isClosed()) {
                    return;
                }
                throw stopped;
            }
            Thread handler = new Thread(() -> {
                try (connection) {
                    InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream();
                    byte[] message = new byte[8192];
                    int size = in.read(message);
                    if (size > 0) {
                        out.write(message, 0, size);
                    }
                } catch (IOException e) {
                    System.err.println(e.getMessage());
                }
            });
            handler.start();
        }
    }
}
