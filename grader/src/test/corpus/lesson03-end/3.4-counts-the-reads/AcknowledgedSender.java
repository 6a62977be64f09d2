// WRONG: takes each read as one acknowledgement, so several ok lines that arrive in one chunk count once.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** Exercise 3.4: count what the server acknowledged. */
public final class AcknowledgedSender {

    private AcknowledgedSender() {}

    /** Sends the records and returns how many the server acknowledged. */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            try {
                for (String record : records) {
                    socket.getOutputStream().write((record + "\n").getBytes(UTF_8));
                }
                socket.shutdownOutput();
            } catch (IOException e) {
                // reset while sending: count the acks below
            }
            int acks = 0;
            byte[] buffer = new byte[1024];
            InputStream in = socket.getInputStream();
            try {
                while (in.read(buffer) != -1) {
                    acks++; // one ok per read
                }
            } catch (IOException reset) {
                // no more acks
            }
            return acks;
        }
    }
}
