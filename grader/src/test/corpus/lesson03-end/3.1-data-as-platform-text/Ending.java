// WRONG: turns the bytes into a String and writes them through a Writer in the platform's charset, which changes bytes that are not text.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Sends the final message, then shuts down the output so the server sees the end. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        Writer writer = new OutputStreamWriter(connection.getOutputStream());
        writer.write(new String(finalData));
        writer.flush();
        connection.shutdownOutput();
    }
}
