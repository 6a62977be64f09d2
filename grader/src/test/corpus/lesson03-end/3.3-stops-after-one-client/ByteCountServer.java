// WRONG: accepts a single client and returns, so every later client is never served.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        Socket client = listener.accept();
        Thread handler = new Thread(() -> {
            try (client) {
                InputStream in = client.getInputStream();
                byte[] buffer = new byte[8192];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                }
                client.getOutputStream().write((total + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                System.err.println("client failed: " + e.getMessage());
            }
        });
        handler.start();
    }
}
