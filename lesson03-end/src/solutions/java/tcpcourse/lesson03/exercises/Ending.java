package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.Socket;

/** Exercise 3.1, a reference solution: the final data, then a FIN. */
public final class Ending {

    private Ending() {}

    /** Writes {@code finalData} (possibly empty), then ends this side of the connection. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        // A socket's own stream sends at once: nothing to flush before the FIN.
        connection.getOutputStream().write(finalData);
        connection.shutdownOutput();
    }
}
