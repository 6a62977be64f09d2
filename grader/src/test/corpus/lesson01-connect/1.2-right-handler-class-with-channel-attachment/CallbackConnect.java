// RIGHT, another way: a named handler class that gets the channel as its attachment and turns the outcome into the listener's call, instead of an anonymous handler with the listener attached.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;

/** Exercise 1.2: connect with a callback. */
public final class CallbackConnect {

    private CallbackConnect() {}

    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        // Returns at once; the channel's group calls the handler once the handshake is over.
        channel.connect(server, channel, new TellListener(listener));
    }

    /** Passes the channel's outcome on to the listener, on the thread that the channel calls back. */
    private record TellListener(ConnectListener listener) implements CompletionHandler<Void, AsynchronousSocketChannel> {

        @Override
        public void completed(Void nothing, AsynchronousSocketChannel channel) {
            InetSocketAddress local;
            InetSocketAddress remote;
            try {
                local = (InetSocketAddress) channel.getLocalAddress();
                remote = (InetSocketAddress) channel.getRemoteAddress();
            } catch (IOException closedMeanwhile) {
                listener.failed(closedMeanwhile);
                return;
            }
            listener.connected(local, remote);
        }

        @Override
        public void failed(Throwable error, AsynchronousSocketChannel channel) {
            if (error instanceof IOException ioError) {
                listener.failed(ioError);
            } else {
                listener.failed(new IOException("connect failed: " + error, error));
            }
        }
    }
}
