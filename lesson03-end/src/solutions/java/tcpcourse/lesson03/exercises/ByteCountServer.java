package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 3.3, a reference solution: count to the client's end, answer, close. */
public final class ByteCountServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public ByteCountServer(ServerSocket listener) {
        this.listener = listener;
    }

    /**
     * Accepts clients, each served on a thread of its own, until the listener is closed.
     *
     * <p>Any number of clients may be connected at once, each still sending; each client's count
     * is its own. The answer is the digits and {@code \n} (not {@code \r\n}), nothing else, and
     * then the connection is closed.
     *
     * <p>Blocks the calling thread; returns once the listener has been closed.
     *
     * @throws IOException if accepting fails while the listener is open
     */
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
            new Thread(() -> countAndAnswer(connection)).start();
        }
    }

    private static void countAndAnswer(Socket connection) {
        try (connection) {
            long count = countToTheEnd(connection.getInputStream());
            connection.getOutputStream().write((count + "\n").getBytes(US_ASCII));
        } catch (IOException clientFailed) {
            System.err.println("client " + connection.getRemoteSocketAddress() + " failed: " + clientFailed.getMessage());
        }
    }

    private static long countToTheEnd(InputStream fromClient) throws IOException {
        byte[] chunk = new byte[8192];
        long count = 0;
        int length;
        while ((length = fromClient.read(chunk)) != -1) {
            count += length;
        }
        return count;
    }
}
