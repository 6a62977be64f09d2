// WRONG: it lets the SocketException that accept throws on a closed listener escape, so serve throws instead of returning normally.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private final AtomicInteger clientCount = new AtomicInteger(0);

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (true) {
            Socket socket = listener.accept();
            int myNumber = clientCount.incrementAndGet();
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write(("you are client number " + myNumber + "\r\n").getBytes(UTF_8));
                out.flush();
            } catch (IOException e) {
                System.err.println("error with client " + myNumber + ": " + e);
            }
        }
    }

    public int clientsServed() {
        return clientCount.get();
    }
}
