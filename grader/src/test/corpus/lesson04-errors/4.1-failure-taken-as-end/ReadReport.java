// WRONG, misses the main idea: a failure ends the loop like the end of the stream, so the count survives but the error is never reported.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        byte[] buffer = new byte[4096];
        long total = 0;
        while (true) {
            int n;
            try {
                n = fromPeer.read(buffer);
            } catch (IOException connectionGone) {
                n = -1; // the connection is gone either way
            }
            if (n == -1) {
                break;
            }
            total += n;
        }
        return new Received(total, null);
    }
}
