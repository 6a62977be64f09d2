// WRONG: reads the request through a UTF-8 Reader and counts characters, not bytes.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 3.3: a server that answers at the end. */
public final class ByteCountServer {

    private final ServerSocket listener;

    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        while (true) {
            final Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException closed) {
                if (listener.isClosed()) {
                    return;
                }
                throw closed;
            }
            new Thread(() -> countAndReply(connection)).start();
        }
    }

    private static void countAndReply(Socket connection) {
        try (connection) {
            Reader reader = new InputStreamReader(connection.getInputStream(), UTF_8);
            char[] chars = new char[4096];
            long received = 0;
            int n;
            while ((n = reader.read(chars)) != -1) {
                received += n;
            }
            connection.getOutputStream().write((received + "\n").getBytes(UTF_8));
        } catch (IOException e) {
            System.err.println("failed: " + e.getMessage());
        }
    }
}
