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
 * the connection in the middle of an answer.
 *
 * <p>Example, with lesson 5's server running:
 *
 * <pre>{@code
 * try (var client = FrameClient.connect(new InetSocketAddress("127.0.0.1", 8124), 1 << 20)) {
 *     byte[] answer = client.request("ping".getBytes(UTF_8)); // "ping": the server echoes
 * }
 * }</pre>
 *
 * <p>Hint: {@code LengthPrefix} writes and reads one frame; a frame only leaves a buffered stream
 * when you flush it, and the server answers only once the whole frame has arrived.
 */
public final class FrameClient implements AutoCloseable {

    private FrameClient() {}

    /**
     * Connects to {@code server}.
     *
     * @param maximum the largest answer accepted, in bytes
     */
    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 5.2: implement connect, see lesson 5 \"Exercise 5.2: a request/response client over frames\"");
    }

    /**
     * Sends {@code request} as one frame and returns the frame that answers it.
     *
     * <p>Blocks until the whole answer has arrived.
     *
     * @throws tcpcourse.lesson05.FrameTooLargeException if the answer is over the maximum
     * @throws java.io.EOFException if the server ends the connection before the whole answer
     */
    public byte[] request(byte[] request) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 5.2: implement request, see lesson 5 \"Exercise 5.2: a request/response client over frames\"");
    }

    /** Closes the connection. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 5.2: implement close, see lesson 5 \"Exercise 5.2: a request/response client over frames\"");
    }
}
// end::exercise[]
