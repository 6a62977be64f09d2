// WRONG: copies the whole buffer after each read instead of the bytes that read returned, so the reply gets padded with stale bytes.
package tcpcourse.lesson03.exercises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Sends request, shuts down our output and reads to the end of the stream. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (in.read(buffer) != -1) {
                all.write(buffer);
            }
            return all.toByteArray();
        }
    }
}
