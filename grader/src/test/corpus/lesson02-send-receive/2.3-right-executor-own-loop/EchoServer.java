// RIGHT, another way: a cached thread pool instead of new threads, its own read/write loop instead of transferTo, and a loop that checks isClosed.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Exercise 2.3: an echo server on a cached pool: a thread for every connection that needs one. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        ExecutorService connections = Executors.newCachedThreadPool();
        try {
            while (!listener.isClosed()) {
                Socket connection;
                try {
                    connection = listener.accept();
                } catch (IOException acceptFailed) {
                    if (listener.isClosed()) {
                        break;
                    }
                    throw acceptFailed;
                }
                connections.execute(() -> echo(connection));
            }
        } finally {
            // Open connections go on until their clients end them; no new work is taken.
            connections.shutdown();
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            InputStream fromClient = connection.getInputStream();
            OutputStream toClient = connection.getOutputStream();
            byte[] chunk = new byte[4096];
            int length;
            while ((length = fromClient.read(chunk)) != -1) {
                toClient.write(chunk, 0, length);
                toClient.flush();
            }
        } catch (IOException clientFailed) {
            System.err.println("client " + connection.getRemoteSocketAddress() + " failed: " + clientFailed.getMessage());
        }
    }
}
