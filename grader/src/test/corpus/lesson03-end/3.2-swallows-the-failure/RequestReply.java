// WRONG: catches every IOException and returns an empty reply, so a refused connection looks like a server that said nothing.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Asks the server and returns its whole reply (empty if anything went wrong). */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            return socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            System.err.println("request to " + server + " failed: " + e.getMessage());
            return new byte[0];
        }
    }
}
