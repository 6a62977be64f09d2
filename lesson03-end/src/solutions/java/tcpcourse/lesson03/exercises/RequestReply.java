package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2, a reference solution: request, FIN, then read to the end. */
public final class RequestReply {

    private RequestReply() {}

    /** Sends {@code request}, ends our side, and returns every byte the server sends until it ends. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (var connection = new Socket(server.getAddress(), server.getPort())) {
            connection.getOutputStream().write(request);
            connection.shutdownOutput();
            return connection.getInputStream().readAllBytes();
        }
    }
}
