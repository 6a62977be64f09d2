package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;

/** Exercise 1.2, reference solution: connect with a callback. */
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
        channel.connect(server, listener, new CompletionHandler<Void, ConnectListener>() {
            @Override
            public void completed(Void nothing, ConnectListener connectListener) {
                try {
                    connectListener.connected((InetSocketAddress) channel.getLocalAddress(),
                            (InetSocketAddress) channel.getRemoteAddress());
                } catch (IOException closedMeanwhile) {
                    connectListener.failed(closedMeanwhile);
                }
            }

            @Override
            public void failed(Throwable error, ConnectListener connectListener) {
                connectListener.failed(error instanceof IOException ioError ? ioError : new IOException(error));
            }
        });
    }
}
