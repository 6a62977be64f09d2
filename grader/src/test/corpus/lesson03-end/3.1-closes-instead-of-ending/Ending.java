// WRONG, misses the main idea: closes the socket after the data, which ends both directions, so the peer's answer can no longer be read.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Writes the final data, then ends the connection like Node's end(). */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        OutputStream toPeer = connection.getOutputStream();
        toPeer.write(finalData);
        toPeer.flush();
        // end() in Node closes the socket once the data is out.
        connection.close();
    }
}
