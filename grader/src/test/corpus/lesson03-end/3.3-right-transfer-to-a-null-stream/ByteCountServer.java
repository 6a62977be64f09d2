// RIGHT, another way: counts with InputStream.transferTo into a null stream instead of its own loop, and serves clients on a cached thread pool.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts clients until the listener is closed, each on a pool thread of its own. */
    public void serve() throws IOException {
        ExecutorService handlers = Executors.newCachedThreadPool();
        try {
            while (true) {
                Socket client = listener.accept();
                handlers.execute(() -> countAndAnswer(client));
            }
        } catch (SocketException acceptFailed) {
            if (!listener.isClosed()) {
                throw acceptFailed;
            }
        } finally {
            handlers.shutdown(); // clients already accepted are still served
        }
    }

    private static void countAndAnswer(Socket client) {
        try (client) {
            // transferTo reads until -1 and returns how many bytes it moved.
            long count = client.getInputStream().transferTo(OutputStream.nullOutputStream());
            client.getOutputStream().write((count + "\n").getBytes(US_ASCII));
        } catch (IOException failed) {
            System.err.println("client " + client.getRemoteSocketAddress() + " failed: " + failed.getMessage());
        }
    }
}
