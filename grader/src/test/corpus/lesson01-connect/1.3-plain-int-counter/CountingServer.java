// WRONG: the count is a plain int field, so a thread other than the serving one has no guarantee of ever seeing it change.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private int clients = 0;

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (!listener.isClosed()) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException closed) {
                if (listener.isClosed()) {
                    return;
                }
                throw closed;
            }
            clients++;
            try (connection) {
                connection.getOutputStream().write(("you are client number " + clients + "\r\n").getBytes(UTF_8));
            } catch (IOException e) {
                System.err.println("client " + clients + " went away: " + e.getMessage());
            }
        }
    }

    public int clientsServed() {
        return clients;
    }
}
