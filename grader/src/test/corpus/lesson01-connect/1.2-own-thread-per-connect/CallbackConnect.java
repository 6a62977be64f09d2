// WRONG, misses the main idea: it starts a thread of its own that blocks on the connect Future, so the listener hears the outcome on that thread instead of on the channel's.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Exercise 1.2: connect with a callback. */
public final class CallbackConnect {

    private CallbackConnect() {}

    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        Future<Void> handshake = channel.connect(server);
        // wait in the background, so that connect itself returns at once like Node
        Thread waiter = new Thread(() -> {
            try {
                handshake.get();
                var local = (InetSocketAddress) channel.getLocalAddress();
                var remote = (InetSocketAddress) channel.getRemoteAddress();
                listener.connected(local, remote);
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof IOException ioError) {
                    listener.failed(ioError);
                } else {
                    listener.failed(new IOException(failed.getCause()));
                }
            } catch (IOException closed) {
                listener.failed(closed);
            } catch (InterruptedException interrupted) {
                listener.failed(new IOException("interrupted", interrupted));
            }
        }, "connect to " + server);
        waiter.setDaemon(true);
        waiter.start();
    }
}
