// RIGHT, another way: counts the acknowledgements on a thread of its own while the main thread writes, so the two directions run at once.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 3.4: count what the server acknowledged. */
public final class AcknowledgedSender {

    private AcknowledgedSender() {}

    /** Sends the records and returns how many the server acknowledged with a whole ok line. */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            var acknowledged = new AtomicInteger();
            Thread reader = new Thread(() -> countAcknowledgements(socket, acknowledged), "acknowledgements");
            reader.start();
            try {
                OutputStream out = socket.getOutputStream();
                for (String record : records) {
                    out.write((record + "\n").getBytes(UTF_8));
                }
                socket.shutdownOutput();
            } catch (IOException resetWhileWriting) {
                // The reader thread still reads what the server acknowledged before its reset.
            }
            try {
                reader.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the acknowledgements", interrupted);
            }
            return acknowledged.get();
        }
    }

    private static void countAcknowledgements(Socket socket, AtomicInteger acknowledged) {
        try {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            var line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                if (line.toString().equals("ok")) {
                    acknowledged.incrementAndGet();
                }
                line.setLength(0);
            }
        } catch (IOException reset) {
            // The count so far is what the server proved it stored.
        }
    }
}
