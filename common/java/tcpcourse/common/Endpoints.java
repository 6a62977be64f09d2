package tcpcourse.common;

import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.util.Locale;

/**
 * What every lesson's programs share once lesson 1 has taught it: the default address, listening
 * on it, and one plain line for each way that listening or connecting fails.
 */
public final class Endpoints {

    /** The port of Node's own {@code net} example. */
    public static final int DEFAULT_PORT = 8124;

    /** Loopback: only programs on this machine can connect. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** How many finished handshakes the operating system queues until {@code accept} takes them. */
    private static final int BACKLOG = 50;

    private Endpoints() {}

    /**
     * Listens on {@code host:port}; port 0 lets the system choose a free port.
     *
     * @throws UnknownHostException if {@code host} is not a known name or address
     * @throws BindException if the port is in use, or the address is not one of this machine's
     */
    public static ServerSocket listen(String host, int port) throws IOException {
        return listen(host, port, BACKLOG);
    }

    /**
     * Listens on {@code host:port} with room for {@code backlog} finished handshakes that
     * {@code accept} has not yet taken: a server that expects many clients at once needs more
     * than the usual 50, or the system drops their SYNs and they retry a second later.
     */
    public static ServerSocket listen(String host, int port, int backlog) throws IOException {
        return new ServerSocket(port, backlog, InetAddress.getByName(host));
    }

    /**
     * As {@link #listen(String, int, int)}, through a {@link ServerSocketChannel}: each
     * connection it accepts has a {@link java.nio.channels.SocketChannel} too
     * ({@code getChannel()}), which reads into and writes from {@link java.nio.ByteBuffer}s.
     */
    public static ServerSocket listenForChannels(String host, int port, int backlog) throws IOException {
        var channel = ServerSocketChannel.open();
        try {
            channel.bind(new InetSocketAddress(InetAddress.getByName(host), port), backlog);
            return channel.socket();
        } catch (IOException failure) {
            channel.close();
            throw failure;
        }
    }

    /** Where a server listens, as {@code host:port}, for log lines. */
    public static InetSocketAddress address(ServerSocket listener) {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** One line saying why a server could not listen, and what to try. */
    public static String whyCannotListen(String host, int port, IOException failure) {
        String where = Addresses.describe(host, port);
        if (failure instanceof UnknownHostException) {
            return "cannot listen on " + where + ": unknown host. Try --host=127.0.0.1";
        }
        if (failure instanceof BindException) {
            // One type for several failures: the system's message tells them apart.
            String message = String.valueOf(failure.getMessage());
            String hint = message.contains("already in use")
                    ? "Is another server running there? Try another --port, or --port=0 for any free one."
                    : message.contains("assign requested address")
                            ? "Is " + host + " an address of this machine? Try --host=127.0.0.1"
                            : "Try another --port, or --port=0 for any free one.";
            return "cannot listen on " + where + ": " + message + ". " + hint;
        }
        return "server on " + where + " failed: " + failure.getMessage();
    }

    /** One line saying why a client could not connect, or lost its connection, and what to try. */
    public static String whyCannotConnect(String host, int port, IOException failure) {
        String where = Addresses.describe(host, port);
        if (failure instanceof UnknownHostException) {
            return "cannot connect to " + where + ": unknown host. Check the name, or try --host=127.0.0.1";
        }
        if (failure instanceof ConnectException) {
            // "Connection refused" when nothing listens there; some systems give no message at all.
            String why = failure.getMessage() == null ? "connection failed" : failure.getMessage().toLowerCase(Locale.ROOT);
            return "cannot connect to " + where + ": " + why + ". Is the server running?";
        }
        if (failure instanceof SocketTimeoutException) {
            return "connection to " + where + " timed out: " + failure.getMessage();
        }
        return "connection to " + where + " failed: " + why(failure);
    }

    /** The exception's message; some have none, such as the EOFException of {@code readFully}. */
    private static String why(IOException failure) {
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure instanceof EOFException ? "the server ended the connection in the middle of a message"
                : failure.getClass().getSimpleName();
    }
}
