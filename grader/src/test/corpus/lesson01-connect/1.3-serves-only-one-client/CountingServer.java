// WRONG, misses the main idea: there is no accept loop: serve greets the first client and returns.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private final AtomicInteger count = new AtomicInteger();

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        try (Socket client = listener.accept()) {
            int number = count.incrementAndGet();
            OutputStream out = client.getOutputStream();
            out.write(("you are client number " + number + "\r\n").getBytes(UTF_8));
            out.flush();
        } catch (SocketException e) {
            if (!listener.isClosed()) {
                throw e;
            }
        }
    }

    public int clientsServed() {
        return count.get();
    }
}
