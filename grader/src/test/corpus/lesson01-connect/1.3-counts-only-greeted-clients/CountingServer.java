// WRONG: it counts a client only once its greeting was written, so a client whose connection failed is not counted and the next one gets its number.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private volatile int greeted;

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException stopped) {
                if (listener.isClosed()) {
                    return;
                }
                throw stopped;
            }
            try (client) {
                String greeting = "you are client number " + (greeted + 1) + "\r\n";
                client.getOutputStream().write(greeting.getBytes(UTF_8));
                greeted++;
            } catch (IOException e) {
                System.err.println("could not greet " + client.getRemoteSocketAddress() + ": " + e.getMessage());
            }
        }
    }

    public int clientsServed() {
        return greeted;
    }
}
