// WRONG: keeps the count in a plain field that every client's thread shares, so concurrent clients mix up their counts (and no thread is sure to see another's writes).
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;
    private long received;

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            new Thread(() -> handle(client)).start();
        }
    }

    private void handle(Socket client) {
        try (client) {
            received = 0;
            InputStream in = client.getInputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) != -1) {
                received += n;
            }
            client.getOutputStream().write((received + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            System.err.println("client failed: " + e.getMessage());
        }
    }
}
