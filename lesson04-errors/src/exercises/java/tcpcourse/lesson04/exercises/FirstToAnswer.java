package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import tcpcourse.lesson04.ErrorListener;

// tag::exercise[]
/**
 * Exercise 4.2: connect to the first address that answers.
 *
 * <p>A service often has several addresses (several servers, or IPv6 and IPv4). Try them in
 * order, each with a timeout, and return the first connection made. Report each failure to the
 * listener as you go. If none answers, throw one exception that carries every failure.
 *
 * <p>Example:
 *
 * <pre>{@code
 * Socket connection = FirstToAnswer.connect(List.of(primary, backup), Duration.ofSeconds(1),
 *         (code, failure) -> System.err.println("skipping: " + code));
 * }</pre>
 *
 * <p>Main idea: one address failing is not the end: report its failure, keep it, and try the
 * next, each within a timeout of its own; only when every address has failed, throw one exception
 * that carries them all.
 *
 * <p>Hint: an address may be unresolved ({@code InetSocketAddress.isUnresolved()}): connecting
 * to it fails with {@code UnknownHostException}, and that is one more failure to report, not a
 * reason to stop. {@code Throwable.addSuppressed} keeps several failures in one exception.
 */
public final class FirstToAnswer {

    private FirstToAnswer() {}

    /**
     * Connects to the first of {@code candidates} that accepts within {@code timeoutEach}. Tries
     * them in order, and none after the one that accepts. Tells {@code listener} of each failure,
     * with its code as {@code ErrorCode.of} names it, before trying the next address.
     *
     * @param timeoutEach how long each address may take to accept; a timeout under a millisecond
     *     counts as one millisecond, as a connect timeout of 0 would mean no limit
     * @return the connected socket, open; the caller closes it
     * @throws IOException if none answered, with each failure, in order, as a suppressed exception
     */
    public static Socket connect(List<InetSocketAddress> candidates, Duration timeoutEach, ErrorListener listener)
            throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 4.2: implement connect, see lesson 4 \"Exercise 4.2: connect to the first address that answers\"");
    }
}
// end::exercise[]
