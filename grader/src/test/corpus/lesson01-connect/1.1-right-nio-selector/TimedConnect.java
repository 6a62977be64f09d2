// RIGHT, another way: a non-blocking SocketChannel and its own Selector loop up to a deadline, instead of Socket.connect with a timeout; describe formats the addresses itself.
package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Exercise 1.1: connect with a timeout, with NIO. */
public final class TimedConnect {

    /** The least time an attempt gets: no timeout means "wait for ever". */
    private static final long LEAST_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        var server = new InetSocketAddress(host, port);
        if (server.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        long budget = timeout.compareTo(Duration.ofDays(1)) > 0 ? TimeUnit.DAYS.toNanos(1)
                : Math.max(LEAST_NANOS, timeout.toNanos());
        long deadline = System.nanoTime() + budget;
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            // A non-blocking connect sends the SYN and returns; finishConnect says when the handshake is done.
            if (!channel.connect(server)) {
                try (Selector selector = Selector.open()) {
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    while (!channel.finishConnect()) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new SocketTimeoutException("no answer from " + host + ":" + port + " within "
                                    + timeout.toMillis() + " ms");
                        }
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                        selector.selectedKeys().clear();
                    }
                }
            }
            // Closing the selector deregistered the channel, so it may block again, as a Socket does.
            channel.configureBlocking(true);
            return channel.socket();
        } catch (IOException | RuntimeException notConnected) {
            channel.close();
            throw notConnected;
        }
    }

    public static String describe(Socket connection) {
        return endpoint(connection.getLocalSocketAddress()) + " -> " + endpoint(connection.getRemoteSocketAddress());
    }

    private static String endpoint(SocketAddress address) {
        var inet = (InetSocketAddress) address;
        String host = inet.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
}
