// WRONG, misses the main idea: writes and flushes the final data but never ends our side, so the peer never reads -1.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Sends the last bytes; the socket stays open so we can still read the reply. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(finalData);
        // Flushing pushes everything out, so the peer has the whole message.
        out.flush();
    }
}
