package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.Socket;

/** Exercise 3.1, a reference solution: the final data, then a FIN. */
public final class Ending {

    private Ending() {}

    /**
     * Writes {@code finalData} (possibly empty), then ends this side of the connection.
     *
     * <p>The bytes go out exactly as given: they need not be text. Even with no data, the peer
     * reads the end.
     *
     * <p>Does not close the socket: reading goes on until the peer ends its side. Does not wait
     * for the peer either: returns once the data and the end are handed to the system.
     *
     * @throws IOException if writing fails, for example because the socket is already closed
     */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        // A socket's own stream sends at once: nothing to flush before the FIN.
        connection.getOutputStream().write(finalData);
        connection.shutdownOutput();
    }
}
