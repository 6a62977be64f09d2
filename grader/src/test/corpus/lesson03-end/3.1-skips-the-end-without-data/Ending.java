// WRONG: sends nothing at all, not even the end, when the final data is empty.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Writes the final data and then half-closes, so the peer can still answer. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        if (finalData == null || finalData.length == 0) {
            return; // nothing to send
        }
        var out = connection.getOutputStream();
        out.write(finalData);
        out.flush();
        connection.shutdownOutput();
    }
}
