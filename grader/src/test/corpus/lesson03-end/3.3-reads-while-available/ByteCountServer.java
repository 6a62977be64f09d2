// WRONG, misses the main idea: stops counting when available() says nothing more is waiting, and answers before the client's end.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        try {
            while (true) {
                Socket connection = listener.accept();
                Thread worker = new Thread(() -> serveOne(connection));
                worker.start();
            }
        } catch (SocketException stopped) {
            if (!listener.isClosed()) {
                throw stopped;
            }
        }
    }

    private static void serveOne(Socket connection) {
        try (connection) {
            InputStream input = connection.getInputStream();
            byte[] buffer = new byte[8192];
            long count = 0;
            int read;
            do {
                read = input.read(buffer);
                if (read > 0) {
                    count += read;
                }
            } while (read != -1 && input.available() > 0);
            connection.getOutputStream().write((count + "\n").getBytes());
        } catch (IOException failed) {
            System.err.println("connection failed: " + failed);
        }
    }
}
