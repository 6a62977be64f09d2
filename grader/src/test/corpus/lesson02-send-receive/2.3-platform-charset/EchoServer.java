// WRONG: it turns each chunk into a String with the platform's default charset and back into bytes, so bytes that are not text (or not in that charset) come back changed.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3: an echo server that logs what it echoes. */
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
            new Thread(() -> echo(connection)).start();
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            byte[] chunk = new byte[8192];
            int length;
            while ((length = in.read(chunk)) != -1) {
                String text = new String(chunk, 0, length);
                out.write(text.getBytes());
            }
        } catch (IOException e) {
            System.err.println("echo failed: " + e.getMessage());
        }
    }
}
