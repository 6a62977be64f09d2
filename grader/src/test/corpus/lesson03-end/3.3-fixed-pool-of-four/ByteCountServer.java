// WRONG: serves clients on a fixed pool of four threads, so a fifth client that is connected at the same time waits for one of the first four to end.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        try {
            while (true) {
                Socket client = listener.accept();
                workers.execute(() -> count(client));
            }
        } catch (SocketException e) {
            if (!listener.isClosed()) {
                throw e;
            }
        } finally {
            workers.shutdown();
        }
    }

    private static void count(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[8192];
            long bytes = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                bytes += n;
            }
            client.getOutputStream().write((bytes + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            System.err.println("client failed: " + e.getMessage());
        }
    }
}
