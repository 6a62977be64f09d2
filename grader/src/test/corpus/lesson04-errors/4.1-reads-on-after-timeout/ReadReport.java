// WRONG: treats a read timeout as "no data yet" and reads again, so against a peer that says nothing more it never returns.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        byte[] chunk = new byte[8192];
        long bytes = 0;
        while (true) {
            try {
                int length = fromPeer.read(chunk);
                if (length == -1) {
                    return new Received(bytes, null);
                }
                bytes += length;
            } catch (SocketTimeoutException slow) {
                continue; // nothing arrived in time; the peer may still send
            } catch (IOException failure) {
                return new Received(bytes, ErrorCode.of(failure));
            }
        }
    }
}
