// WRONG: catches the IOException and only prints it, so a caller never learns that ending failed.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Writes the final data, then half-closes our side. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        try {
            connection.getOutputStream().write(finalData);
            connection.shutdownOutput();
        } catch (IOException e) {
            System.err.println("could not end the connection: " + e.getMessage());
        }
    }
}
