// WRONG: serves each client on the accepting thread, so a second client waits until the first has ended.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (true) {
            try (Socket client = listener.accept()) {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[8192];
                long total = 0;
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    total += n;
                }
                out.write((total + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                System.err.println("client failed: " + e.getMessage());
            }
        }
    }
}
