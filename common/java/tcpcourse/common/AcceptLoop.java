package tcpcourse.common;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Lesson 1's accept loop, which the later lessons' servers share once lesson 1 has taught it:
 * accept a connection, serve it on a thread of its own, accept the next.
 */
public final class AcceptLoop {

    /** The wait after a failed accept: the same failure may come again at once, for a while. */
    public static final Duration PAUSE_AFTER_FAILED_ACCEPT = Duration.ofMillis(100);

    private AcceptLoop() {}

    /**
     * Accepts connections until {@code listener} is closed, each served by {@code serveOne} on a
     * thread of its own, so that a slow client never holds up the others. A failed accept (no file
     * descriptor left, say) is logged in one line to {@code log}, and the loop goes on accepting
     * after {@link #PAUSE_AFTER_FAILED_ACCEPT}.
     *
     * <p>Blocks the calling thread; returns once the listener has been closed.
     *
     * @param stackSize the stack each connection's thread reserves, or 0 for the JVM's default
     * @throws InterruptedIOException if the calling thread is interrupted in a pause after a failed accept
     */
    public static void serveEach(ServerSocket listener, long stackSize, PrintStream log, Consumer<Socket> serveOne)
            throws InterruptedIOException {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException failure) {
                if (listener.isClosed()) {
                    return; // the server was closed: stop accepting
                }
                log.println("cannot accept a connection: " + failure.getMessage() + "; trying again");
                pauseAfterFailedAccept();
                continue;
            }
            var thread = new Thread(null, () -> serveOne.accept(connection),
                    "client " + Addresses.describe(connection.getRemoteSocketAddress()), stackSize);
            // A connection's thread never keeps the program alive once the server has stopped.
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** {@link #serveEach(ServerSocket, long, PrintStream, Consumer)} with the JVM's default stack size. */
    public static void serveEach(ServerSocket listener, PrintStream log, Consumer<Socket> serveOne)
            throws InterruptedIOException {
        serveEach(listener, 0, log, serveOne);
    }

    /**
     * Waits {@link #PAUSE_AFTER_FAILED_ACCEPT}: the client that could not be taken still waits in
     * the queue, and accepting again at once would fail again at once, in a busy loop.
     *
     * @throws InterruptedIOException if the thread is interrupted meanwhile
     */
    public static void pauseAfterFailedAccept() throws InterruptedIOException {
        try {
            Thread.sleep(PAUSE_AFTER_FAILED_ACCEPT.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while accepting");
        }
    }
}
