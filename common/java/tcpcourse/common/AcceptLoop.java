package tcpcourse.common;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.Consumer;

/**
 * Lesson 1's accept loop, which the later lessons' servers share once lesson 1 has taught it:
 * accept a connection, serve it on a thread of its own, accept the next.
 */
public final class AcceptLoop {

    private AcceptLoop() {}

    /**
     * Accepts connections until {@code listener} is closed, each served by {@code serveOne} on a
     * thread of its own, so that a slow client never holds up the others.
     *
     * <p>Blocks the calling thread; returns once the listener has been closed.
     *
     * @param stackSize the stack each connection's thread reserves, or 0 for the JVM's default
     * @throws IOException if accepting fails while the listener is open
     */
    public static void serveEach(ServerSocket listener, long stackSize, Consumer<Socket> serveOne) throws IOException {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException closed) {
                if (listener.isClosed()) {
                    return; // the server was closed: stop accepting
                }
                throw closed;
            }
            var thread = new Thread(null, () -> serveOne.accept(connection),
                    "client " + Addresses.describe(connection.getRemoteSocketAddress()), stackSize);
            // A connection's thread never keeps the program alive once the server has stopped.
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** {@link #serveEach(ServerSocket, long, Consumer)} with the JVM's default stack size. */
    public static void serveEach(ServerSocket listener, Consumer<Socket> serveOne) throws IOException {
        serveEach(listener, 0, serveOne);
    }
}
