// WRONG: it writes the echo through a BufferedOutputStream and never flushes it, so nothing leaves until the buffer fills or the connection closes.
package tcpcourse.lesson02.exercises;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3: an echo server with buffered streams. */
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
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            new Thread(() -> serveOne(connection)).start();
        }
    }

    private static void serveOne(Socket connection) {
        try (connection;
                var in = new BufferedInputStream(connection.getInputStream());
                var out = new BufferedOutputStream(connection.getOutputStream())) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            System.err.println("connection failed: " + e.getMessage());
        }
    }
}
