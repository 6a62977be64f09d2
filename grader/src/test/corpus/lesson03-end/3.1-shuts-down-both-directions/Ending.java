// WRONG, misses the main idea: shuts down the input as well as the output, so this socket cannot read what the peer sends back.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Writes the data, then ends the connection without closing the socket. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        connection.getOutputStream().write(finalData);
        // We are done with this connection: shut both halves, but leave closing to the caller.
        connection.shutdownOutput();
        connection.shutdownInput();
    }
}
