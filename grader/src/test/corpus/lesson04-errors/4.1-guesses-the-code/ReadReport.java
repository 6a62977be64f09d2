// WRONG: names the error itself (a timeout is ETIMEDOUT, any other SocketException a reset) instead of ErrorCode.of, so a socket closed under it is reported as ECONNRESET.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        byte[] data = new byte[2048];
        long bytes = 0;
        try {
            int got = fromPeer.read(data);
            while (got != -1) {
                bytes += got;
                got = fromPeer.read(data);
            }
            return new Received(bytes, null);
        } catch (SocketTimeoutException timeout) {
            return new Received(bytes, ErrorCode.ETIMEDOUT);
        } catch (SocketException reset) {
            return new Received(bytes, ErrorCode.ECONNRESET);
        } catch (IOException other) {
            return new Received(bytes, ErrorCode.OTHER);
        }
    }
}
