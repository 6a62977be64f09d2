// WRONG, misses the main idea: never swallows the exception but throws it on as an UncheckedIOException, so a reset still ends in a stack trace and the count is lost.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        byte[] chunk = new byte[8192];
        long count = 0;
        try {
            for (int read = fromPeer.read(chunk); read != -1; read = fromPeer.read(chunk)) {
                count += read;
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("reading failed after " + count + " bytes", failure);
        }
        return new Received(count, null);
    }
}
