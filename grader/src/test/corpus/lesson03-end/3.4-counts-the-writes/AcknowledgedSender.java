// WRONG, misses the main idea: counts the records whose write returned, as if a returned write meant the server had them.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** Exercise 3.4: count what the server acknowledged. */
public final class AcknowledgedSender {

    private AcknowledgedSender() {}

    /** Sends the records and returns how many got through. */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            int sent = 0;
            try {
                for (String record : records) {
                    socket.getOutputStream().write((record + "\n").getBytes(UTF_8));
                    sent++;
                }
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes();
            } catch (IOException e) {
                // the server went away: what we sent so far is what got through
            }
            return sent;
        }
    }
}
