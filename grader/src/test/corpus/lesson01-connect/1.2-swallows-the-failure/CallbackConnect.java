// WRONG: the handler's failed only prints the error, so the listener never hears that the connection failed.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;

/** Exercise 1.2: connect with a callback. */
public final class CallbackConnect {

    private CallbackConnect() {}

    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        channel.connect(server, null, new CompletionHandler<Void, Object>() {
            @Override
            public void completed(Void result, Object attachment) {
                try {
                    InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
                    InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
                    listener.connected(local, remote);
                } catch (IOException e) {
                    listener.failed(e);
                }
            }

            @Override
            public void failed(Throwable exc, Object attachment) {
                System.err.println("connect to " + server + " failed: " + exc);
            }
        });
    }
}
