// WRONG: never ends its side, so a server that answers only once it knows no more records come waits for ever.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
            try {
                OutputStream out = socket.getOutputStream();
                for (String record : records) {
                    out.write((record + "\n").getBytes(UTF_8));
                }
                out.flush();
            } catch (IOException e) {
                // reset while sending
            }
            int acks = 0;
            try {
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
                int c;
                StringBuilder line = new StringBuilder();
                while ((c = in.read()) != -1) {
                    if (c == '\n') {
                        if (line.toString().equals("ok")) {
                            acks++;
                        }
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            } catch (IOException reset) {
                // the count so far stands
            }
            return acks;
        }
    }
}
