package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

// tag::exercise[]
/**
 * Exercise 4.3: a deadline for a whole message.
 *
 * <p>{@code setSoTimeout} bounds each {@code read}, not a whole message: a server that sends one
 * byte every 300 ms never trips a 1-second timeout, yet takes minutes for a long message. Read
 * exactly {@code length} bytes, all within {@code deadline}.
 *
 * <p>Example, with lesson 4's server in {@code --mode=slow}:
 *
 * <pre>{@code
 * byte[] greeting = Deadline.readExactly(connection, 7, Duration.ofSeconds(1));
 * // throws SocketTimeoutException: the slow server takes 1.8 seconds for 7 bytes
 * }</pre>
 *
 * <p>Main idea: the deadline is for the whole message, not for each read: every read may wait
 * only for the time left until the deadline, so a peer that trickles bytes, or sends one just
 * before the deadline, still runs out of time at the deadline.
 *
 * <p>Hint: before each read, set the socket's timeout to the time left until the deadline
 * ({@code System.nanoTime} measures it). A timeout of 0 would mean "for ever".
 */
public final class Deadline {

    private Deadline() {}

    /**
     * Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}, and not
     * a byte more: what follows stays on the stream for the next read. Blocks until they have all
     * arrived, but never past the deadline, however they arrive; with no time left (a deadline of
     * zero), gives up at once.
     *
     * @throws java.net.SocketTimeoutException if the deadline passes first
     * @throws java.io.EOFException if the peer ends the connection first
     */
    public static byte[] readExactly(Socket connection, int length, Duration deadline) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 4.3: implement readExactly, see lesson 4 \"Exercise 4.3: a deadline for a whole message\"");
    }
}
// end::exercise[]
