package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;

// tag::exercise[]
/**
 * Exercise 2.2: a full-duplex copy.
 *
 * <p>Connect two sockets to each other, as a relay does: every byte that arrives on one is
 * written to the other as soon as it arrives, exactly as it came (it need not be text), in both
 * directions at once: either side may speak first, and either may wait for an answer before it
 * says more. When one side ends its stream, end the stream toward the other side (half-close it)
 * and keep copying the other way until that ends too. If either direction fails (a reset, say),
 * the relay is broken: close both sockets, so that the other direction stops waiting too, and
 * throw.
 *
 * <p>Example: a relay between a client ({@code fromClient}) and a server ({@code toServer}); the
 * client sends {@code world!\r\n} and ends, the server answers {@code hello, world!\r\n} and
 * ends:
 *
 * <pre>{@code
 * Duplex.Copied copied = Duplex.copyBothWays(fromClient, toServer);
 * System.out.println(copied); // Copied[leftToRight=8, rightToLeft=15]
 * }</pre>
 *
 * <p>Main idea: both directions are copied at the same time, each on a thread of its own, so that
 * bytes go one way while the other way is still waiting for its next read.
 *
 * <p>Hint: one thread cannot wait on two reads at once: copy each direction on a thread of its
 * own, and wait for both. {@code InputStream.transferTo} copies until the end of the stream;
 * {@code Socket.shutdownOutput} sends the end on.
 */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /**
     * Copies {@code left}'s input to {@code right}'s output and {@code right}'s input to
     * {@code left}'s output, at the same time, until both inputs have ended.
     *
     * <p>Blocks until both directions have ended. Does not close the sockets, unless a direction
     * fails.
     *
     * @return how many bytes went each way: {@code leftToRight} from {@code left}'s input to
     *     {@code right}'s output, {@code rightToLeft} the other way
     * @throws IOException if either direction fails; both sockets are closed then
     */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "Exercise 2.2: implement copyBothWays, see lesson 2 \"Exercise 2.2: a full-duplex copy\"");
    }
}
// end::exercise[]
