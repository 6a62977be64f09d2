// WRONG, misses the main idea: reads everything with readAllBytes inside the try, so a failure loses the count and reports 0 bytes.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        try {
            byte[] everything = fromPeer.readAllBytes();
            return new Received(everything.length, null);
        } catch (IOException e) {
            // nothing complete arrived
            return new Received(0, ErrorCode.of(e));
        }
    }
}
