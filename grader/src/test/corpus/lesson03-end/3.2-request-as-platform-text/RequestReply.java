// WRONG: sends the request as a String through a PrintWriter in the platform's charset, which changes bytes that are not text.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Writes the request, half-closes and returns all of the answer. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            PrintWriter toServer = new PrintWriter(socket.getOutputStream());
            toServer.print(new String(request));
            toServer.flush();
            socket.shutdownOutput();
            return socket.getInputStream().readAllBytes();
        }
    }
}
