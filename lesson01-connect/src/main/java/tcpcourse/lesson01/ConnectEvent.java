package tcpcourse.lesson01;

import static tcpcourse.common.Addresses.describe;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;

/**
 * Node's {@code 'connect'} event in Java. {@code net.createConnection(port, host)} returns the
 * connection at once, and a listener registered on it afterwards, {@code conn.on('connect', ...)},
 * hears when it is made. Here the connection is a {@link CompletableFuture}, and its listeners are
 * registered after the call the same way.
 */
public final class ConnectEvent {

    private ConnectEvent() {}

    /**
     * Starts connecting to {@code server} and returns at once, as {@code net.createConnection}
     * without a callback does. The future completes with the connected channel once the handshake
     * is done, or fails with the reason (a {@link java.net.ConnectException}, say), on a thread of
     * the channel's group; on failure the channel is closed. Close the channel when done.
     *
     * @throws IOException if no channel can be opened
     */
    public static CompletableFuture<AsynchronousSocketChannel> createConnection(InetSocketAddress server)
            throws IOException {
        var channel = AsynchronousSocketChannel.open();
        var connection = new CompletableFuture<AsynchronousSocketChannel>();
        channel.connect(server, channel, new CompletionHandler<Void, AsynchronousSocketChannel>() {
            @Override
            public void completed(Void nothing, AsynchronousSocketChannel connected) {
                connection.complete(connected);
            }

            @Override
            public void failed(Throwable error, AsynchronousSocketChannel notConnected) {
                try {
                    notConnected.close();
                } catch (IOException closing) {
                    error.addSuppressed(closing);
                }
                connection.completeExceptionally(error);
            }
        });
        return connection;
    }

    /**
     * Connects to {@code server} and prints {@code connected to server!} with both addresses from
     * a listener registered after the call, or the failure from another. Returns the future of the
     * first listener: it completes with the connected channel once the line is printed, or fails
     * with the reason, once the other listener has printed it.
     *
     * @throws IOException if no channel can be opened
     */
    static CompletableFuture<AsynchronousSocketChannel> connectAndAnnounce(InetSocketAddress server, PrintStream out,
            PrintStream err) throws IOException {
        // tag::connect-event[]
        // Node: const conn = net.createConnection(port, host); returns at once.
        CompletableFuture<AsynchronousSocketChannel> conn = ConnectEvent.createConnection(server);
        // Node: conn.on('connect', ...), registered after the call. It runs once the connection is
        // made, or at once if it is made already: a listener added late is never left out.
        CompletableFuture<AsynchronousSocketChannel> announced = conn.thenApply(channel -> {
            out.println("connected to server! " + addresses(channel));
            return channel;
        });
        // Node: conn.on('error', ...).
        conn.exceptionally(error -> {
            err.println("cannot connect to " + describe(server) + ": " + error);
            return null;
        });
        // end::connect-event[]
        return announced;
    }

    private static String addresses(AsynchronousSocketChannel channel) {
        try {
            return describe(channel.getLocalAddress()) + " -> " + describe(channel.getRemoteAddress());
        } catch (IOException closedMeanwhile) {
            return "(closed meanwhile)";
        }
    }
}
