// WRONG, misses the main idea: puts the socket's output stream in try-with-resources, which closes the whole socket before the end can be sent.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Writes finalData, then half-closes the connection. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        try (OutputStream out = connection.getOutputStream()) {
            out.write(finalData);
        }
        connection.shutdownOutput();
    }
}
