// WRONG: ends the answer with \r\n, as the lesson's own server does, where the exercise asks for \n.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
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
            Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException closed) {
                if (listener.isClosed()) {
                    return;
                }
                throw closed;
            }
            new Thread(() -> answerAtTheEnd(connection)).start();
        }
    }

    private static void answerAtTheEnd(Socket connection) {
        try (connection) {
            InputStream fromClient = connection.getInputStream();
            byte[] chunk = new byte[8192];
            long received = 0;
            int length;
            while ((length = fromClient.read(chunk)) != -1) {
                received += length;
            }
            connection.getOutputStream().write((received + "\r\n").getBytes(UTF_8));
        } catch (IOException failure) {
            System.err.println("connection failed: " + failure.getMessage());
        }
    }
}
