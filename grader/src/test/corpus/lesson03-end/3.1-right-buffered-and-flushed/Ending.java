// RIGHT, another way: writes in slices through a BufferedOutputStream and flushes it before the half-close.
package tcpcourse.lesson03.exercises;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private static final int SLICE = 1024;

    private Ending() {}

    /** Writes finalData, then ends our direction of the connection. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        var toPeer = new BufferedOutputStream(connection.getOutputStream());
        for (int offset = 0; offset < finalData.length; offset += SLICE) {
            toPeer.write(finalData, offset, Math.min(SLICE, finalData.length - offset));
        }
        toPeer.flush(); // the buffer must be empty before the FIN
        connection.shutdownOutput();
    }
}
