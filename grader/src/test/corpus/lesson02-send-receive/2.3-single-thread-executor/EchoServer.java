// WRONG, misses the main idea: every connection goes to one single-thread executor, so the clients are still served one after another and a silent one holds up the rest.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Exercise 2.3: an echo server that hands each client to a worker. */
public final class EchoServer {

    private final ServerSocket serverSocket;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.serverSocket = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        try {
            while (!serverSocket.isClosed()) {
                Socket socket = serverSocket.accept();
                worker.submit(() -> handle(socket));
            }
        } catch (IOException e) {
            if (!serverSocket.isClosed()) {
                throw e;
            }
        } finally {
            worker.shutdown();
        }
    }

    private static void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            System.err.println("lost a client: " + e);
        }
    }
}
