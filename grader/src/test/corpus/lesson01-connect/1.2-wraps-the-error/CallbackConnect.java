// WRONG: it wraps the channel's error in a new IOException, so the listener hears an IOException instead of the ConnectException itself.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;

/** Exercise 1.2: connect with a callback. */
public final class CallbackConnect {

    private CallbackConnect() {}

    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        channel.connect(server, channel, new CompletionHandler<>() {
            @Override
            public void completed(Void nothing, AsynchronousSocketChannel connected) {
                try {
                    listener.connected((InetSocketAddress) connected.getLocalAddress(),
                            (InetSocketAddress) connected.getRemoteAddress());
                } catch (IOException e) {
                    listener.failed(e);
                }
            }

            @Override
            public void failed(Throwable error, AsynchronousSocketChannel notConnected) {
                listener.failed(new IOException("cannot connect to " + server, error));
            }
        });
    }
}
