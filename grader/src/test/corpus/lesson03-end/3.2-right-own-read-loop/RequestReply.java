// RIGHT, another way: connects with an unconnected Socket, writes through a flushed BufferedOutputStream, and reads with its own loop instead of readAllBytes.
package tcpcourse.lesson03.exercises;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Sends the request, ends our side, and reads until -1. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket connection = new Socket()) {
            connection.connect(server);
            var toServer = new BufferedOutputStream(connection.getOutputStream());
            toServer.write(request);
            toServer.flush();
            connection.shutdownOutput();
            InputStream fromServer = connection.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] chunk = new byte[2048];
            int count;
            while ((count = fromServer.read(chunk)) != -1) {
                reply.write(chunk, 0, count);
            }
            return reply.toByteArray();
        }
    }
}
