// WRONG: it swallows every IOException and goes on looping, so once the listener is closed accept fails again and again and serve never returns.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private final AtomicInteger count = new AtomicInteger();

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (true) {
            try (Socket client = listener.accept()) {
                int n = count.incrementAndGet();
                client.getOutputStream().write(("you are client number " + n + "\r\n").getBytes(UTF_8));
            } catch (IOException ignored) {
                // a client went wrong: keep serving the others
            }
        }
    }

    public int clientsServed() {
        return count.get();
    }
}
