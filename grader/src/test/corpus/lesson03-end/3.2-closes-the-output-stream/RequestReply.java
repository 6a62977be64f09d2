// WRONG, misses the main idea: closes the output stream to end the request, which closes the whole socket, so the reply cannot be read.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Connects, sends the request, signals the end of it and reads the reply. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (var connection = new Socket(server.getAddress(), server.getPort())) {
            OutputStream toServer = connection.getOutputStream();
            toServer.write(request);
            toServer.close(); // done sending: the server sees -1
            return connection.getInputStream().readAllBytes();
        }
    }
}
