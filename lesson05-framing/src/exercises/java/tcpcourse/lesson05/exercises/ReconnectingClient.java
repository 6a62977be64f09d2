package tcpcourse.lesson05.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.random.RandomGenerator;

// tag::exercise[]
/**
 * Exercise 5.4: a client that survives a real network.
 *
 * <p>Write a long-lived client of the lesson's server that keeps working while connections fail
 * under it. Every connection attempt has a deadline ({@code connectTimeout}) and every read a
 * deadline ({@code readTimeout}): a server that has gone silent costs a timeout, never a hang.
 * Each request frame is an id, 4 bytes big-endian and new for every request, then the request's
 * bytes; the server echoes the frame, so the answer brings its id back, and an answer is matched
 * to its request by that id, never by its place in the stream.
 *
 * <p>{@code requestAll} writes all its requests, then reads answers until each has one. When the
 * connection fails (a reset, an end, a frame cut short, a read that times out), close it, wait,
 * connect again and send again only the requests that have no answer yet. The wait after the
 * n-th failure in a row is a random time (jitter, from {@code random}) up to a ceiling of
 * {@code firstBackoff} doubled n - 1 times, but never over {@code backoffCap}: so that a thousand
 * clients cut off together do not all come back at the same moment. A connection that fails
 * before it brings an answer is a failure in a row too; an answer ends the run. After
 * {@code attempts} attempts in a row without an answer, give up and throw the last failure.
 *
 * <p>An idle connection can die without a word: a peer that crashed or a network that dropped it
 * sends no reset, and a read that nobody is making finds nothing. {@code heartbeat} finds out: it
 * sends an empty frame, which the server echoes, and waits {@code readTimeout} for it. The
 * system's {@code SO_KEEPALIVE} is not enough alone: its first probe comes after two hours of
 * silence by default, a setting of the whole system, and it shows only that the peer's kernel
 * answers, not that the server still serves.
 *
 * <p>Example, with lesson 5's server running:
 *
 * <pre>{@code
 * var server = new InetSocketAddress("127.0.0.1", 8124);
 * try (var client = ReconnectingClient.connect(server, ClientSettings.DEFAULT, Sleeper.REAL,
 *         RandomGenerator.getDefault())) {
 *     List<byte[]> answers = client.requestAll(List.of("a".getBytes(UTF_8), "b".getBytes(UTF_8)));
 *     boolean alive = client.heartbeat(); // true: the empty frame came back
 * }
 * }</pre>
 *
 * <p>Main idea: a connection can fail at any moment, and the client's work survives it. Every
 * wait has a deadline, every answer names its request, and after a failure the client connects
 * again, waiting longer each time, and sends again only what has no answer yet.
 *
 * <p>Hint: {@code setSoTimeout} bounds each read and {@code connect(address, timeout)} the
 * handshake; both throw a {@code SocketTimeoutException}, an {@code IOException} like the others.
 * Keep the unanswered requests in a map from id to request, and the count of failures in a row in
 * a field. {@code LengthPrefix} reads and writes one frame; {@code ByteBuffer} reads an id.
 * Lesson 4's {@code Retry.Backoff} computes a wait with jitter.
 */
public final class ReconnectingClient implements AutoCloseable {

    private ReconnectingClient() {}

    /**
     * Connects to {@code server}, once, within {@code settings.connectTimeout()}.
     *
     * @param sleeper waits between attempts to connect again
     * @param random where the jitter of each wait comes from
     * @throws IOException if that first attempt fails: there is no work to save yet
     */
    public static ReconnectingClient connect(InetSocketAddress server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random) throws IOException {
        throw new UnsupportedOperationException("Exercise 5.4: implement connect, see lesson 5 \"Exercise 5.4: "
                + "a client that survives a real network\"");
    }

    /**
     * Sends every request, each as one frame with an id of its own, and returns their answers in
     * the order of the requests, without their ids, however the server ordered them. Blocks until
     * every request has an answer, connecting again as often as it takes. An empty frame, or an
     * answer whose id is not one of this call's unanswered requests, is skipped.
     *
     * @throws IOException the last failure, when {@code settings.attempts()} attempts in a row to
     *     connect again have brought no answer
     */
    public List<byte[]> requestAll(List<byte[]> requests) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("Exercise 5.4: implement requestAll, see lesson 5 \"Exercise 5.4: "
                + "a client that survives a real network\"");
    }

    /**
     * Checks that the connection is alive: sends an empty frame and waits at most
     * {@code settings.readTimeout()} for an empty frame back, skipping any other frame. Call it
     * when the connection has been idle for a while.
     *
     * @return true if the empty frame came back; false if it did not, or the connection failed,
     *     and the client has connected again, as {@code requestAll} does
     * @throws IOException the last failure, when connecting again gave up
     */
    public boolean heartbeat() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("Exercise 5.4: implement heartbeat, see lesson 5 \"Exercise 5.4: "
                + "a client that survives a real network\"");
    }

    /** Closes the connection. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("Exercise 5.4: implement close, see lesson 5 \"Exercise 5.4: "
                + "a client that survives a real network\"");
    }
}
// end::exercise[]
