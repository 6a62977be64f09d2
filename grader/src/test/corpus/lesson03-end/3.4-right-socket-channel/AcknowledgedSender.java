// RIGHT, another way: a SocketChannel writes every buffer until it has no bytes left, then counts the ok lines in the buffers it reads.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

/** Exercise 3.4: count what the server acknowledged. */
public final class AcknowledgedSender {

    private AcknowledgedSender() {}

    /** Sends the records and returns how many the server acknowledged with a whole ok line. */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        try (SocketChannel channel = SocketChannel.open(server)) {
            try {
                for (String record : records) {
                    ByteBuffer line = ByteBuffer.wrap((record + "\n").getBytes(UTF_8));
                    while (line.hasRemaining()) {
                        channel.write(line);
                    }
                }
                channel.shutdownOutput();
            } catch (IOException reset) {
                // Still read what was acknowledged before the reset.
            }
            int acknowledged = 0;
            int lineLength = 0;
            boolean lineIsOk = true;
            ByteBuffer chunk = ByteBuffer.allocate(4096);
            try {
                while (channel.read(chunk) != -1) {
                    chunk.flip();
                    while (chunk.hasRemaining()) {
                        byte b = chunk.get();
                        if (b == '\n') {
                            if (lineIsOk && lineLength == 2) {
                                acknowledged++;
                            }
                            lineLength = 0;
                            lineIsOk = true;
                        } else {
                            lineIsOk &= lineLength < 2 && b == "ok".charAt(lineLength);
                            lineLength++;
                        }
                    }
                    chunk.clear();
                }
            } catch (IOException reset) {
                // The acknowledgements so far stand.
            }
            return acknowledged;
        }
    }
}
