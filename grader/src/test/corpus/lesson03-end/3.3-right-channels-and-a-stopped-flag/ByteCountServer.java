// RIGHT, another way: reads through a ReadableByteChannel over the socket's stream into a ByteBuffer, answers with a PrintStream that is flushed, and tells a stop from a failure by the listener's state after the loop.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Serves until the listener is closed. */
    public void serve() throws IOException {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException acceptFailed) {
                if (listener.isClosed()) {
                    return; // the caller stopped us
                }
                throw acceptFailed;
            }
            Thread handler = new Thread(() -> serveClient(client), "byte counter " + client.getPort());
            handler.start();
        }
    }

    private static void serveClient(Socket client) {
        try (client) {
            ReadableByteChannel fromClient = Channels.newChannel(client.getInputStream());
            ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
            long total = 0;
            int read;
            while ((read = fromClient.read(buffer)) != -1) {
                total += read;
                buffer.clear();
            }
            PrintStream toClient = new PrintStream(client.getOutputStream(), false, StandardCharsets.US_ASCII);
            toClient.print(total);
            toClient.print('\n');
            toClient.flush();
        } catch (IOException failed) {
            System.err.println("client failed: " + failed.getMessage());
        }
    }
}
