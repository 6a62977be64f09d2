package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1, a reference solution: count until -1 or a failure, and keep the count. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        byte[] chunk = new byte[8192];
        long bytes = 0;
        try {
            int length;
            while ((length = fromPeer.read(chunk)) != -1) {
                bytes += length;
            }
            return new Received(bytes, null);
        } catch (IOException failure) {
            return new Received(bytes, ErrorCode.of(failure));
        }
    }
}
