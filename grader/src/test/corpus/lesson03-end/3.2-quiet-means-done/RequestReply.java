// WRONG, misses the main idea: takes half a second without data as the end of the reply, so a server that pauses is cut off before its end.
package tcpcourse.lesson03.exercises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private static final int QUIET_MILLIS = 500;

    private RequestReply() {}

    /** Sends the request, ends our side, and reads until the server ends or goes quiet. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (var connection = new Socket(server.getAddress(), server.getPort())) {
            connection.getOutputStream().write(request);
            connection.shutdownOutput();
            // So that a server that never ends cannot hang us.
            connection.setSoTimeout(QUIET_MILLIS);
            var reply = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int length;
                while ((length = connection.getInputStream().read(buffer)) != -1) {
                    reply.write(buffer, 0, length);
                }
            } catch (SocketTimeoutException quiet) {
                // nothing more is coming
            }
            return reply.toByteArray();
        }
    }
}
