// WRONG: catches every IOException, the refused connection too, and returns 0, so the caller cannot tell a refusal from a server that stored nothing.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
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
        int acks = 0;
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            try {
                for (String record : records) {
                    socket.getOutputStream().write((record + "\n").getBytes(UTF_8));
                }
                socket.shutdownOutput();
            } catch (IOException resetWhileSending) {
                // read what was acknowledged
            }
            InputStream in = socket.getInputStream();
            var line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    if (line.toString(UTF_8).equals("ok")) {
                        acks++;
                    }
                    line.reset();
                } else {
                    line.write(c);
                }
            }
        } catch (IOException e) {
            // connection problem: return what we have
        }
        return acks;
    }
}
