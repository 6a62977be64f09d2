// WRONG, misses the main idea: the CompletionHandler calls the listener, but connect then waits on a latch until the handler has run, so it does not return before the handshake.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CountDownLatch;

/** Exercise 1.2: connect with a callback. */
public final class CallbackConnect {

    private CallbackConnect() {}

    public static void connect(AsynchronousSocketChannel channel, InetSocketAddress server, ConnectListener listener) {
        CountDownLatch done = new CountDownLatch(1);
        channel.connect(server, null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void result, Void attachment) {
                try {
                    listener.connected((InetSocketAddress) channel.getLocalAddress(),
                            (InetSocketAddress) channel.getRemoteAddress());
                } catch (IOException e) {
                    listener.failed(e);
                } finally {
                    done.countDown();
                }
            }

            @Override
            public void failed(Throwable exc, Void attachment) {
                try {
                    listener.failed(exc instanceof IOException io ? io : new IOException(exc));
                } finally {
                    done.countDown();
                }
            }
        });
        // make sure the listener has been told before we return
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
