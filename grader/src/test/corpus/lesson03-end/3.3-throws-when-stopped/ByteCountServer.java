// WRONG: lets the SocketException that accept throws on a closed listener out of serve, instead of returning.
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
        while (!listener.isClosed()) {
            Socket client = listener.accept();
            new Thread(() -> {
                try (client) {
                    InputStream in = client.getInputStream();
                    byte[] buf = new byte[8192];
                    long total = 0;
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                    }
                    client.getOutputStream().write((total + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    System.err.println("client error: " + e.getMessage());
                }
            }).start();
        }
    }
}
