// WRONG: catches the reset only while reading acknowledgements, so a reset that breaks a write throws away the count.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/** Exercise 3.4: count what the server acknowledged. */
public final class AcknowledgedSender {

    private AcknowledgedSender() {}

    /** Sends the records and returns how many the server acknowledged. */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            var out = new BufferedOutputStream(socket.getOutputStream());
            for (String record : records) {
                out.write((record + "\n").getBytes(UTF_8));
            }
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            int acks = 0;
            int matched = 0;
            try {
                int c;
                while ((c = in.read()) != -1) {
                    if (matched == 0 && c == 'o' || matched == 1 && c == 'k') {
                        matched++;
                    } else if (matched == 2 && c == '\n') {
                        acks++;
                        matched = 0;
                    } else {
                        matched = 0;
                    }
                }
            } catch (SocketException reset) {
                // the server reset: the acks so far are what it stored
            }
            return acks;
        }
    }
}
