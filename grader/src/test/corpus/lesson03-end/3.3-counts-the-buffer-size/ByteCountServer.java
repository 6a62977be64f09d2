// WRONG: adds the size of the array after each read instead of the number of bytes that read returned.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.US_ASCII;

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
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            new Thread(() -> answer(client)).start();
        }
    }

    private static void answer(Socket client) {
        try (client) {
            InputStream fromClient = client.getInputStream();
            byte[] data = new byte[1024];
            long bytes = 0;
            while (fromClient.read(data) != -1) {
                bytes += data.length;
            }
            client.getOutputStream().write((bytes + "\n").getBytes(US_ASCII));
        } catch (IOException e) {
            System.err.println("client " + client.getRemoteSocketAddress() + ": " + e.getMessage());
        }
    }
}
