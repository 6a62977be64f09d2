// WRONG: catches only SocketException, the "narrowest" one for a reset, so a read timeout (SocketTimeoutException is not one) escapes as an exception.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
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
        } catch (SocketException failed) {
            return new Received(bytes, ErrorCode.of(failed));
        } catch (IOException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }
}
