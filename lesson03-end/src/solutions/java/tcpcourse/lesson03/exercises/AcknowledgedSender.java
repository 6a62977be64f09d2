package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;

/** Exercise 3.4, a reference solution: write every record, end, then count the whole ok lines. */
public final class AcknowledgedSender {

    private static final byte[] OK = "ok".getBytes(UTF_8);

    private AcknowledgedSender() {}

    /**
     * Sends {@code records}, each as one line ({@code record + "\n"} in UTF-8), ends our side, and
     * returns how many of them the server acknowledged with a whole {@code ok\n} line: the first
     * that many records are stored.
     *
     * <p>A reset, while writing, while ending or while reading, is not an error: it ends the
     * count. Blocks until the server has ended or reset the connection.
     *
     * @return the number of acknowledgements, from 0 to {@code records.size()}
     * @throws IOException if the connection cannot be made (a refused connection, say): then
     *     nothing was sent
     */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        try (var connection = new Socket(server.getAddress(), server.getPort())) {
            try {
                var toServer = new BufferedOutputStream(connection.getOutputStream());
                for (String record : records) {
                    toServer.write((record + "\n").getBytes(UTF_8));
                }
                toServer.flush();
                connection.shutdownOutput();
            } catch (IOException resetWhileSending) {
                // The writes only handed bytes to our system; whatever the server acknowledged
                // before its reset is still in our receive buffer, and counting it says what arrived.
            }
            return countAcknowledgements(connection.getInputStream());
        }
    }

    /** Counts whole {@code ok\n} lines until the server's end or its reset. */
    private static int countAcknowledgements(InputStream fromServer) {
        var in = new BufferedInputStream(fromServer);
        var line = new ByteArrayOutputStream();
        int acknowledged = 0;
        try {
            int next;
            while ((next = in.read()) != -1) {
                if (next != '\n') {
                    line.write(next);
                    continue;
                }
                if (Arrays.equals(line.toByteArray(), OK)) {
                    acknowledged++;
                }
                line.reset();
            }
        } catch (IOException reset) {
            // A reset ends the acknowledgements: the records after the last whole ok are not proven.
        }
        // An "ok" cut short by the end or the reset proves nothing: only whole lines count.
        return acknowledged;
    }
}
