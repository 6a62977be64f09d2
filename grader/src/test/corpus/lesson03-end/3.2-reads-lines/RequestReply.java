// WRONG: reads the reply line by line and joins the lines with \n, which changes line endings and bytes that are not text.
package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Sends the request, ends our side, and reads every line of the reply until the end. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            StringBuilder reply = new StringBuilder();
            String line;
            // null means the server has ended its side
            while ((line = reader.readLine()) != null) {
                reply.append(line).append('\n');
            }
            return reply.toString().getBytes(UTF_8);
        }
    }
}
