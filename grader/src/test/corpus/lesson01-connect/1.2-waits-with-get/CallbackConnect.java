// WRONG, misses the main idea: it waits for the handshake with Future.get() and calls the listener itself, so connect blocks and the listener runs on the caller's thread.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.ExecutionException;

/** Exercise 1.2: connect with a callback. */
public final class CallbackConnect {

    private CallbackConnect() {}

    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        try {
            channel.connect(server).get();
            listener.connected((InetSocketAddress) channel.getLocalAddress(), (InetSocketAddress) channel.getRemoteAddress());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            listener.failed(cause instanceof IOException io ? io : new IOException(cause));
        } catch (IOException e) {
            listener.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.failed(new IOException("interrupted while connecting", e));
        }
    }
}
