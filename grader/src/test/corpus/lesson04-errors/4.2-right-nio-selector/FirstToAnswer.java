// RIGHT, another way: a non-blocking SocketChannel per address, its connect bounded by a Selector; an unresolved address and a timeout become the exceptions Socket.connect would throw.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.lesson04.ErrorListener;

/** Exercise 4.2: connect to the first address that answers. */
public final class FirstToAnswer {

    private FirstToAnswer() {}

    /** Connects to the first of {@code candidates} that accepts within {@code timeoutEach}. */
    public static Socket connect(List<InetSocketAddress> candidates, Duration timeoutEach, ErrorListener listener)
            throws IOException {
        var noneAnswered = new IOException("none of the " + candidates.size() + " addresses answered");
        for (var candidate : candidates) {
            try {
                return connectOne(candidate, timeoutEach).socket();
            } catch (IOException failure) {
                listener.onError(ErrorCode.of(failure), failure);
                noneAnswered.addSuppressed(failure);
            }
        }
        throw noneAnswered;
    }

    private static SocketChannel connectOne(InetSocketAddress candidate, Duration timeout) throws IOException {
        if (candidate.isUnresolved()) {
            throw new UnknownHostException(candidate.getHostString());
        }
        var channel = SocketChannel.open();
        try (var selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(candidate)) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                long millis = Math.max(1, timeout.toMillis()); // select(0) would wait for ever
                if (selector.select(millis) == 0) {
                    throw new SocketTimeoutException("no answer from " + candidate + " within " + millis + " ms");
                }
                channel.finishConnect(); // throws ConnectException if refused
                selector.selectedKeys().clear();
            }
            channel.keyFor(selector).cancel();
            selector.selectNow(); // deregisters the channel, so that it can block again
            channel.configureBlocking(true);
            return channel;
        } catch (IOException | RuntimeException failure) {
            channel.close();
            throw failure;
        }
    }
}
