// WRONG, misses the main idea: takes what one read returns as the whole reply instead of reading until the server's end.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Sends request, half-closes, and returns the server's reply. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server);
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            InputStream fromServer = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int received = fromServer.read(buffer);
            if (received == -1) {
                return new byte[0]; // the server said nothing
            }
            return Arrays.copyOf(buffer, received);
        }
    }
}
