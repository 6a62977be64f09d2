package tcpcourse.lesson05.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The lesson's wire format served the way a textbook shows it: a thread per connection,
 * {@code DataInputStream} over a {@code BufferedInputStream}, {@code DataOutputStream} over a
 * {@code BufferedOutputStream} (8 KiB each, the defaults), {@code readInt}, {@code readFully},
 * and a flush after every frame. A peer of the benchmark, in a process of its own:
 * {@code TextbookEchoServer MAXIMUM} listens on 127.0.0.1, on a port the system chooses, and
 * prints it.
 */
final class TextbookEchoServer {

    private TextbookEchoServer() {}

    public static void main(String[] args) throws IOException {
        int maximum = Integer.parseInt(args[0]);
        try (var listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
            System.out.println("listening on 127.0.0.1:" + listener.getLocalPort());
            while (true) {
                Socket connection = listener.accept();
                new Thread(() -> echo(connection, maximum)).start();
            }
        }
    }

    private static void echo(Socket connection, int maximum) {
        try (connection) {
            var in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
            var out = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                if (length < 0 || length > maximum) {
                    System.out.println("closing a connection: a frame of " + Integer.toUnsignedString(length)
                            + " bytes");
                    return;
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                out.writeInt(length);
                out.write(payload);
                out.flush();
            }
        } catch (IOException failure) {
            System.out.println("closing a connection: " + failure.getMessage());
        }
    }
}
