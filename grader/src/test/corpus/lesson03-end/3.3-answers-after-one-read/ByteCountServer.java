// WRONG, misses the main idea: answers with what the first read returned instead of counting until the client's end.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException closed) {
                return;
            }
            new Thread(() -> handle(client)).start();
        }
    }

    private static void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] request = new byte[8192];
            int size = in.read(request);
            if (size < 0) {
                size = 0; // the client sent nothing
            }
            out.write((size + "\n").getBytes(US_ASCII));
        } catch (IOException e) {
            System.err.println("client failed: " + e.getMessage());
        }
    }
}
