// WRONG: takes a read timeout for the end of the stream ("nothing more to come") and reports it with no error instead of ETIMEDOUT.
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
        byte[] buffer = new byte[1024];
        long received = 0;
        try {
            int length;
            while ((length = fromPeer.read(buffer)) != -1) {
                received += length;
            }
        } catch (SocketTimeoutException quiet) {
            // the peer has stopped talking: that is the end of what it sends
            return new Received(received, null);
        } catch (IOException failure) {
            return new Received(received, ErrorCode.of(failure));
        }
        return new Received(received, null);
    }
}
