// RIGHT, another way: it numbers each client on the accepting thread, in a volatile field, and greets it on a thread of an executor, one per client, through a BufferedWriter that is flushed.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Exercise 1.3: a server that counts its clients, greeting each on a thread of its own. */
public final class CountingServer {

    private final ServerSocket listener;
    // Only the accepting thread writes it; volatile makes each new value visible to the readers.
    private volatile int acceptedSoFar;

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        ExecutorService greeters = Executors.newCachedThreadPool();
        try {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (SocketException listenerGone) {
                    if (listener.isClosed()) {
                        break;
                    }
                    throw listenerGone;
                }
                int number = acceptedSoFar + 1;
                acceptedSoFar = number;
                greeters.execute(() -> greet(client, number));
            }
        } finally {
            greeters.shutdown();
        }
    }

    private static void greet(Socket client, int number) {
        try (client; Writer toClient = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), UTF_8))) {
            toClient.write("you are client number " + number + "\r\n");
            toClient.flush();
        } catch (IOException lost) {
            System.err.println("client number " + number + " is lost: " + lost.getMessage());
        }
    }

    public int clientsServed() {
        return acceptedSoFar;
    }
}
