// WRONG: closes the output stream to end the records, which closes the whole socket, so not one acknowledgement can be read.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** Exercise 3.4: count what the server acknowledged. */
public final class AcknowledgedSender {

    private AcknowledgedSender() {}

    /** Sends the records and returns how many the server acknowledged. */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            InputStream in = socket.getInputStream();
            try (OutputStream out = socket.getOutputStream()) {
                for (String record : records) {
                    out.write((record + "\n").getBytes(UTF_8));
                }
            } catch (IOException e) {
                // reset while sending
            }
            int acks = 0;
            try {
                int previous = -1;
                int c;
                while ((c = in.read()) != -1) {
                    if (c == '\n' && previous == 'k') {
                        acks++;
                    }
                    previous = c;
                }
            } catch (IOException reset) {
                // the count so far stands
            }
            return acks;
        }
    }
}
