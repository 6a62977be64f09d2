// WRONG, misses the main idea: it calls connected right after starting the connect, on the caller's thread, before the handshake is done; the handler only reports failures.
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
            public void completed(Void result, ConnectListener l) {
                // nothing to do: connected was already called below
            }

            @Override
            public void failed(Throwable exc, ConnectListener l) {
                l.failed(exc instanceof IOException io ? io : new IOException(exc));
            }
        });
        InetSocketAddress local;
        try {
            local = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            listener.failed(e);
            return;
        }
        listener.connected(local, server);
    }
}
