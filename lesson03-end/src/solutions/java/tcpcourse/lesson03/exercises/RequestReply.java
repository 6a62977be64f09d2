package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2, a reference solution: request, FIN, then read to the end. */
public final class RequestReply {

    private RequestReply() {}

    /**
     * Sends {@code request}, ends our side, and returns every byte the server sends until it
     * ends its side.
     *
     * <p>The request and the reply are bytes, sent and returned unchanged: they need not be text.
     * The reply may come in several parts, with pauses between them; it is complete only at the
     * server's end, and empty (an array of length 0) if the server sends nothing before it.
     *
     * <p>Blocks until the server has ended the connection.
     *
     * @throws IOException if connecting (a refused connection, say), sending or receiving fails
     */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (var connection = new Socket(server.getAddress(), server.getPort())) {
            connection.getOutputStream().write(request);
            connection.shutdownOutput();
            return connection.getInputStream().readAllBytes();
        }
    }
}
