package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1, a reference solution: count until -1 or a failure, and keep the count. */
public final class ReadReport {

    private ReadReport() {}

    /**
     * Reads {@code fromPeer} until it ends or fails. Blocks while the peer sends nothing: only the
     * end of the stream ({@code read} returning -1) is a normal end, not a moment with nothing to
     * read. The stream may carry any bytes, not only text: count bytes, not characters or lines.
     *
     * @return the bytes that arrived, and the failure's code as {@code ErrorCode.of} names it
     *     ({@code ETIMEDOUT} for a read timeout; {@code OTHER} for a failure without a code of its
     *     own, such as the socket closed by another thread), or null for a normal end
     */
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
