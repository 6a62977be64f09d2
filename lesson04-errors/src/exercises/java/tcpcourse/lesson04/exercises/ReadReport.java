package tcpcourse.lesson04.exercises;

import java.io.InputStream;

// tag::exercise[]
/**
 * Exercise 4.1: survive a reset and report how much arrived.
 *
 * <p>Read a stream to its end and count the bytes. When the connection fails on the way (the
 * peer resets it, or a read times out), do not throw: report how much had arrived and the error's
 * code, so the program can say so in one line and, perhaps, ask for the rest.
 *
 * <p>Example, with a peer that sends 1000 bytes and then resets the connection:
 *
 * <pre>{@code
 * Received received = ReadReport.readUntilFailure(connection.getInputStream());
 * System.out.println(received); // Received[bytes=1000, error=ECONNRESET]
 * }</pre>
 *
 * <p>Main idea: a failure on the way is a result, not an exception: the count of every byte that
 * arrived before it survives it, and the failure's code is reported beside it.
 *
 * <p>Hint: catch the {@code IOException} that {@code read} declares, nothing wider (a
 * {@code RuntimeException} is a bug to let through), and let {@code ErrorCode.of} name it: the
 * code is what the report keeps of the failure. The bytes of every chunk read before it count.
 */
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
        throw new UnsupportedOperationException(
                "Exercise 4.1: implement readUntilFailure, see lesson 4 \"Exercise 4.1: survive a reset and report how much arrived\"");
    }
}
// end::exercise[]
