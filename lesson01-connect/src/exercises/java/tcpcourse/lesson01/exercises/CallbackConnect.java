package tcpcourse.lesson01.exercises;

import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;

// tag::exercise[]
/**
 * Exercise 1.2: connect with a callback.
 *
 * <p>Node's {@code net.createConnection(port, host, callback)} returns at once and calls back
 * later. Write {@link #connect} the same way: it starts connecting and returns at once; the
 * {@link ConnectListener} hears {@code connected} with both addresses when the handshake is
 * done, or {@code failed} with the error if it cannot be done.
 *
 * <p>Example, with lesson 1's server running:
 *
 * <pre>{@code
 * CallbackConnect.connect(channel, new InetSocketAddress("127.0.0.1", 8124), new ConnectListener() {
 *     public void connected(InetSocketAddress local, InetSocketAddress remote) {
 *         System.out.println("connected: " + local + " -> " + remote);
 *     }
 *     public void failed(IOException error) {
 *         System.err.println("cannot connect: " + error.getMessage());
 *     }
 * });
 * // ... runs on before either method is called
 * }</pre>
 *
 * <p>Main idea: the call returns before the handshake is done, and the listener hears the
 * outcome later, on a thread of the channel's group, as Node's callback runs on its event loop.
 *
 * <p>Hint: {@code AsynchronousSocketChannel.connect} has a form that takes an attachment and a
 * {@code CompletionHandler} as its last two arguments, as {@code CallbackClient} shows.
 */
public final class CallbackConnect {

    private CallbackConnect() {}

    /**
     * Starts connecting {@code channel} to {@code server} and returns without waiting.
     *
     * <p>Exactly one of the listener's methods is called later, once, on a thread of the channel's
     * group: {@code connected} with both ends' addresses, or {@code failed} with the channel's own
     * error as it is, for example the {@link java.net.ConnectException} of a refused connection.
     */
    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        throw new UnsupportedOperationException(
                "Exercise 1.2: implement connect, see lesson 1 \"Exercise 1.2: connect with a callback\"");
    }
}
// end::exercise[]
