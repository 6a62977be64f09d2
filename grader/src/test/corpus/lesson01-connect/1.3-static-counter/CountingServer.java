// WRONG: the counter is static, so every server shares one count and a new server does not start from 1.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private static final AtomicInteger CLIENT_NUMBER = new AtomicInteger();

    private final ServerSocket listener;

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            int number = CLIENT_NUMBER.incrementAndGet();
            try (connection) {
                connection.getOutputStream().write(("you are client number " + number + "\r\n").getBytes(UTF_8));
            } catch (IOException e) {
                System.err.println("client number " + number + " failed: " + e.getMessage());
            }
        }
    }

    public int clientsServed() {
        return CLIENT_NUMBER.get();
    }
}
