package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

// tag::exercise[]
/**
 * Exercise 3.4: count what the server acknowledged.
 *
 * <p>A server stores records for us. We send each record as one line of UTF-8 text ending in
 * {@code \n}, and end our side once every record is written. The server answers each record it
 * has stored with the line {@code ok\n}, in order, whenever it likes: one at a time, several at
 * once, or all of them after our end; then it ends its side. A server that fails resets the
 * connection instead, at any moment. Write the client: send the records, and return how many the
 * server acknowledged, so that the caller can send the others again later. The acknowledgements
 * are short and few enough to wait in our receive buffer while we write, so you may write every
 * record before you read any.
 *
 * <p>Example:
 *
 * <pre>{@code
 * int stored = AcknowledgedSender.send(new InetSocketAddress("127.0.0.1", 8124), List.of("one", "two", "three"));
 * // stored is 3, or fewer if the server reset the connection: those first records are safe
 * }</pre>
 *
 * <p>Main idea: a write that returned has only handed the bytes to our system, and a reset loses
 * whatever the server had not yet read; only the server's {@code ok} proves that a record arrived,
 * so count the acknowledgements, never the writes.
 *
 * <p>Hint: a reset is an answer here, not a failure: what the server acknowledged before it is
 * still waiting to be read, even when a write or the end fails first. Count only whole
 * {@code ok\n} lines, however the reads cut them.
 */
public final class AcknowledgedSender {

    private AcknowledgedSender() {}

    /**
     * Sends {@code records}, each as one line ({@code record + "\n"} in UTF-8), ends our side, and
     * returns how many of them the server acknowledged with a whole {@code ok\n} line: the first
     * that many records are stored.
     *
     * <p>A reset, while writing, while ending or while reading, is not an error: it ends the
     * count. Blocks until the server has ended or reset the connection.
     *
     * @return the number of acknowledgements, from 0 to {@code records.size()}
     * @throws IOException if the connection cannot be made (a refused connection, say): then
     *     nothing was sent
     */
    public static int send(InetSocketAddress server, List<String> records) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 3.4: implement send, see lesson 3 \"Exercise 3.4: count what the server acknowledged\"");
    }
}
// end::exercise[]
