// WRONG: writes through a BufferedOutputStream and ends our side without flushing it, so the final data never leaves.
package tcpcourse.lesson03.exercises;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Writes finalData, then ends our side with a FIN; input stays open. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        var buffered = new BufferedOutputStream(connection.getOutputStream());
        buffered.write(finalData);
        // FIN after the data; reading still works afterwards.
        connection.shutdownOutput();
    }
}
