// WRONG, misses the main idea: closes the socket's output stream to send the end, but closing that stream closes the whole socket.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Sends finalData and then closes our output, so the other side gets -1. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        OutputStream output = connection.getOutputStream();
        output.write(finalData);
        output.flush();
        output.close(); // only our direction: the input stream stays open for the answer
    }
}
