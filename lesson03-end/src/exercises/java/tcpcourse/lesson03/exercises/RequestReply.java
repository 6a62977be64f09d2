package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;

// tag::exercise[]
/**
 * Exercise 3.2: ask, then read the whole reply.
 *
 * <p>Some servers read a whole request, up to its end, before they answer, and mark the end of
 * their answer by ending the connection. Write a client for them: connect, send the request, end
 * our side, and read everything the server sends until it ends its side; then close.
 *
 * <p>Example:
 *
 * <pre>{@code
 * byte[] reply = RequestReply.ask(new InetSocketAddress("127.0.0.1", 8124), "hello?".getBytes(UTF_8));
 * }</pre>
 *
 * <p>Main idea: the ends mark where each message stops: our end (a half-close, not a close) tells
 * the server the request is complete, and only the server's end (-1) tells us the reply is.
 *
 * <p>Hint: the server cannot know the request is complete until our side has ended. One
 * {@code read} returns one chunk, not the whole reply: read until -1
 * ({@code InputStream.readAllBytes} does).
 */
public final class RequestReply {

    private RequestReply() {}

    /**
     * Sends {@code request}, ends our side, and returns every byte the server sends until it
     * ends its side.
     *
     * <p>The request and the reply are bytes, sent and returned unchanged: they need not be text.
     * The reply may come in several parts, with pauses between them; it is complete only at the
     * server's end, and empty (an array of length 0) if the server sends nothing before it.
     *
     * <p>Blocks until the server has ended the connection.
     *
     * @throws IOException if connecting (a refused connection, say), sending or receiving fails
     */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        throw new UnsupportedOperationException(
                "Exercise 3.2: implement ask, see lesson 3 \"Exercise 3.2: ask, then read the whole reply\"");
    }
}
// end::exercise[]
