// WRONG: lets the reset out as an exception, so the caller never learns which records the server had acknowledged before it.
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
            OutputStream out = socket.getOutputStream();
            for (String record : records) {
                out.write((record + "\n").getBytes(UTF_8));
            }
            socket.shutdownOutput();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            int acks = 0;
            int next;
            while ((next = in.read()) != -1) {
                if (next == '\n') {
                    acks++;
                }
            }
            return acks;
        }
    }
}
