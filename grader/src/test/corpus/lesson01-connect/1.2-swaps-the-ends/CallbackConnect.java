// WRONG: it passes the two ends to connected the wrong way round, the remote address as local and the local as remote.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;

/** Exercise 1.2: connect with a callback. */
public final class CallbackConnect {

    private CallbackConnect() {}

    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        channel.connect(server, listener, new CompletionHandler<Void, ConnectListener>() {
            @Override
            public void completed(Void result, ConnectListener toTell) {
                try {
                    var serverEnd = (InetSocketAddress) channel.getRemoteAddress();
                    var ourEnd = (InetSocketAddress) channel.getLocalAddress();
                    toTell.connected(serverEnd, ourEnd);
                } catch (IOException closed) {
                    toTell.failed(closed);
                }
            }

            @Override
            public void failed(Throwable error, ConnectListener toTell) {
                toTell.failed(error instanceof IOException ioError ? ioError : new IOException(error));
            }
        });
    }
}
