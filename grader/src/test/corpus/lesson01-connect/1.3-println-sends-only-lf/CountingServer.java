// WRONG: it writes the greeting with PrintWriter.println, which ends the line with the platform's line separator (\n on Linux) instead of \r\n.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private final AtomicInteger accepted = new AtomicInteger();

    public CountingServer(ServerSocket listener) {
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
            int number = accepted.incrementAndGet();
            try (client; var out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), UTF_8), true)) {
                out.println("you are client number " + number);
            } catch (IOException e) {
                System.err.println("could not greet client " + number + ": " + e.getMessage());
            }
        }
    }

    public int clientsServed() {
        return accepted.get();
    }
}
