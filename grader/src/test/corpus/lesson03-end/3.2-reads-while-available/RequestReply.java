// WRONG, misses the main idea: stops reading as soon as available() says nothing more is waiting, instead of at the server's end.
package tcpcourse.lesson03.exercises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Sends request, ends our side, and collects the reply. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int n;
            // Read the first chunk, then whatever else has already arrived.
            do {
                n = in.read(chunk);
                if (n > 0) {
                    reply.write(chunk, 0, n);
                }
            } while (n != -1 && in.available() > 0);
            return reply.toByteArray();
        }
    }
}
