package tcpcourse.lesson05.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;

// tag::exercise[]
/**
 * Exercise 5.2: a request/response client over frames.
 *
 * <p>Keep one connection to a server that speaks the lesson's wire format, and send requests on
 * it one after the other: each request is one frame, and its answer is the next frame that comes
 * back. Reject an answer over the maximum without reading it, and say so when the server ends
 * the connection before the whole answer has arrived.
 *
 * <p>Example, with lesson 5's server running:
 *
 * <pre>{@code
 * try (var client = FrameClient.connect(new InetSocketAddress("127.0.0.1", 8124), 1 << 20)) {
 *     byte[] answer = client.request("ping".getBytes(UTF_8)); // "ping": the server echoes
 * }
 * }</pre>
 *
 * <p>Main idea: an answer is one whole frame, however the stream cuts it. Read its 4-byte length,
 * then exactly that many bytes, as many reads as they take; one read is not one answer.
 *
 * <p>Hint: {@code LengthPrefix} writes and reads one frame; a frame only leaves a buffered stream
 * when you flush it, and the server answers only once the whole frame has arrived.
 */
public final class FrameClient implements AutoCloseable {

    private FrameClient() {}

    /**
     * Connects to {@code server}.
     *
     * @param maximum the largest answer accepted, in bytes: an answer of exactly {@code maximum}
     *     bytes is accepted
     */
    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 5.2: implement connect, see lesson 5 \"Exercise 5.2: a request/response client over frames\"");
    }

    /**
     * Sends {@code request} as one frame and returns the frame that answers it.
     *
     * <p>Blocks until the whole answer has arrived. The answer's length is unsigned: a length with
     * its top bit set, such as {@code FF FF FF FF}, is over 2 GiB and so over any maximum.
     *
     * @throws tcpcourse.lesson05.FrameTooLargeException if the answer's length is over the maximum,
     *     before any of its bytes are read
     * @throws java.io.EOFException if the server ends the connection before the whole answer:
     *     before its first byte too, when there is no answer at all
     */
    public byte[] request(byte[] request) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 5.2: implement request, see lesson 5 \"Exercise 5.2: a request/response client over frames\"");
    }

    /** Closes the connection, both ways: the socket itself, not only its output. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 5.2: implement close, see lesson 5 \"Exercise 5.2: a request/response client over frames\"");
    }
}
// end::exercise[]
