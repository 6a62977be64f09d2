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
 * // throws SocketTimeoutException: 7 bytes take the slow server over 2 seconds
 * }</pre>
 *
 * <p>Hint: before each read, set the socket's timeout to the time left until the deadline
 * ({@code System.nanoTime} measures it). A timeout of 0 would mean "for ever".
 */
public final class Deadline {

    private Deadline() {}

    /**
     * Reads exactly {@code length} bytes from {@code connection}, within {@code deadline}.
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
