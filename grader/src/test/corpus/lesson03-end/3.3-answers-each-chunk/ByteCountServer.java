// WRONG, misses the main idea: answers the running count after every read, like a data event handler, instead of once at the client's end.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket serverSocket;

    public ByteCountServer(ServerSocket listener) {
        this.serverSocket = listener;
    }

    public void serve() throws IOException {
        while (true) {
            try {
                Socket socket = serverSocket.accept();
                new Thread(() -> countBytes(socket)).start();
            } catch (SocketException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
                throw e;
            }
        }
    }

    private static void countBytes(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[4096];
            long total = 0;
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                // tell the client how much we have so far
                out.write((total + "\n").getBytes(UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            System.err.println(e.getMessage());
        }
    }
}
