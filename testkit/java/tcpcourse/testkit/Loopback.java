package tcpcourse.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Fixtures that set up real TCP situations on the loopback interface, each on a port the system
 * chooses, so that tests never depend on a fixed port or on another machine.
 */
public final class Loopback {

    /** The loopback address: traffic to it never leaves this machine. */
    public static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    /** How long a test socket waits for data before its read fails instead of hanging. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private Loopback() {}

    /** A listener on loopback, on a port the system chose; close it when done. */
    public static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 50, ADDRESS);
    }

    /** Connects to {@code address} with a read timeout set, so no read in a test waits for ever. */
    public static Socket connect(InetSocketAddress address) throws IOException {
        var connection = new Socket(address.getAddress(), address.getPort());
        connection.setSoTimeout((int) READ_TIMEOUT.toMillis());
        return connection;
    }

    /** A connected pair of sockets: the two ends of one TCP connection. */
    @FunctionalInterface
    public interface PairBody {
        /** The test's body; both sockets have a read timeout and are closed afterwards. */
        void accept(Socket client, Socket server) throws Exception;
    }

    /** Runs {@code body} with both ends of a fresh loopback connection. */
    public static void withConnectedPair(PairBody body) throws Exception {
        try (var listener = listen();
                var client = connect((InetSocketAddress) listener.getLocalSocketAddress());
                var server = listener.accept()) {
            server.setSoTimeout((int) READ_TIMEOUT.toMillis());
            body.accept(client, server);
        }
    }

    /**
     * Runs {@code body} with an address where every connection is refused.
     *
     * <p>A socket is bound to the port but does not listen, so the system answers each connection
     * attempt with a reset (ECONNREFUSED), and no other program can take the port meanwhile.
     */
    public static void withRefusingPort(ThrowingConsumer<InetSocketAddress> body) throws Throwable {
        try (var placeholder = new Socket()) {
            placeholder.bind(new InetSocketAddress(ADDRESS, 0));
            body.accept((InetSocketAddress) placeholder.getLocalSocketAddress());
        }
    }

    /**
     * Runs {@code body} with an address where a connection attempt is never answered.
     *
     * <p>The listener never accepts, and its queue of finished handshakes is filled first; the
     * system then drops every further SYN, so a connect waits until its own timeout, as it would
     * for a host that does not answer.
     */
    public static void withUnansweredPort(ThrowingConsumer<InetSocketAddress> body) throws Throwable {
        List<Socket> queued = new ArrayList<>();
        try (var listener = new ServerSocket(0, 1, ADDRESS)) {
            var address = (InetSocketAddress) listener.getLocalSocketAddress();
            fillAcceptQueue(address, queued);
            body.accept(address);
        } finally {
            for (Socket connection : queued) {
                connection.close();
            }
        }
    }

    private static void fillAcceptQueue(InetSocketAddress address, List<Socket> queued) throws IOException {
        // Linux queues backlog + 1 handshakes; a few more tries cover other systems.
        for (int attempt = 0; attempt < 64; attempt++) {
            var connection = new Socket();
            try {
                connection.connect(address, 250);
                queued.add(connection);
            } catch (SocketTimeoutException queueIsFull) {
                connection.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue of " + address + " never filled up");
    }
}
