// WRONG: counts lines with readLine, which at the end returns an ok cut short as if it were a whole line.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
                PrintStream out = new PrintStream(socket.getOutputStream(), false, UTF_8);
                for (String record : records) {
                    out.print(record + "\n");
                }
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server reset: read what it acknowledged
            }
            int acks = 0;
            try {
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("ok")) {
                        acks++;
                    }
                }
            } catch (IOException reset) {
                // the count so far stands
            }
            return acks;
        }
    }
}
