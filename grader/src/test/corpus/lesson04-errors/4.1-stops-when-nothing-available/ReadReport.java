// WRONG: reads while available() says there is more, so it stops, as if the stream had ended, as soon as nothing is waiting to be read.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        byte[] buf = new byte[8192];
        long total = 0;
        try {
            do {
                int n = fromPeer.read(buf);
                if (n < 0) {
                    break;
                }
                total += n;
            } while (fromPeer.available() > 0);
            return new Received(total, null);
        } catch (IOException e) {
            return new Received(total, ErrorCode.of(e));
        }
    }
}
