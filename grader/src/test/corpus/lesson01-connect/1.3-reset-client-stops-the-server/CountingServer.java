// WRONG: a failed write to one client (a reset) propagates out of the loop, so one client going wrong stops the whole server.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private final AtomicInteger served = new AtomicInteger();

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        try {
            while (true) {
                try (Socket client = listener.accept()) {
                    int number = served.incrementAndGet();
                    client.getOutputStream().write(("you are client number " + number + "\r\n").getBytes(UTF_8));
                }
            }
        } catch (SocketException e) {
            if (listener.isClosed()) {
                return; // the listener was closed: we are done
            }
            throw e;
        }
    }

    public int clientsServed() {
        return served.get();
    }
}
