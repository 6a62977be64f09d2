// WRONG: prints the answer to a PrintWriter that is never flushed, and closing the socket throws the buffered answer away.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
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
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            new Thread(() -> reply(client)).start();
        }
    }

    private static void reply(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[8192];
            long count = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                count += n;
            }
            PrintWriter out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII));
            out.print(count + "\n");
        } catch (IOException e) {
            System.err.println("client failed: " + e.getMessage());
        }
    }
}
