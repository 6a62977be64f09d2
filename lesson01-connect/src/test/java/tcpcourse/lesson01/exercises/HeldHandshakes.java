package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tcpcourse.testkit.Loopback;

/**
 * A loopback listener that holds every new connection attempt back until the test decides how
 * it ends.
 *
 * <p>The listener never accepts on its own, and its queue of finished handshakes is filled
 * first, so the system drops each further SYN: the connecting side waits, as it would for a host
 * that does not answer. Its TCP sends the SYN again about 1 s, 3 s and 7 s after the first. The
 * test then chooses what the next one meets: room in the queue ({@link #makeRoom}), so the
 * handshake completes, or no listener at all ({@link #refuse}), so it is refused. No timing is
 * guessed: until the test acts, the attempt cannot end, whatever the machine's load.
 */
final class HeldHandshakes implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    private HeldHandshakes(ServerSocket listener) {
        this.listener = listener;
    }

    /** A listener on loopback, on a port the system chose, whose queue is already full. */
    static HeldHandshakes open() throws IOException {
        var held = new HeldHandshakes(new ServerSocket(0, 1, Loopback.ADDRESS));
        try {
            held.fillQueue();
        } catch (IOException | RuntimeException failed) {
            held.close();
            throw failed;
        }
        return held;
    }

    private void fillQueue() throws IOException {
        // Linux queues backlog + 1 handshakes; a few more tries cover other systems.
        for (int attempt = 0; attempt < 64; attempt++) {
            var filler = new Socket();
            try {
                filler.connect(address(), 250);
                fillers.add(filler);
            } catch (SocketTimeoutException queueIsFull) {
                // This attempt is closed, so its SYN is never sent again.
                filler.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue of " + address() + " never filled up");
    }

    /** Where to connect. */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * Accepts and closes the connections that filled the queue: the next SYN of an attempt
     * still going on gets through, and its handshake completes.
     */
    void makeRoom() throws IOException {
        for (int taken = 0; taken < fillers.size(); taken++) {
            listener.accept().close();
        }
    }

    /**
     * The next connection that completes its handshake, after {@link #makeRoom}.
     *
     * @throws SocketTimeoutException if none does within {@code wait}
     */
    Socket acceptNext(Duration wait) throws IOException {
        listener.setSoTimeout((int) wait.toMillis());
        var accepted = listener.accept();
        accepted.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
        return accepted;
    }

    /** Closes the listener: the next SYN of an attempt still going on is refused (a reset). */
    void refuse() throws IOException {
        listener.close();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket filler : fillers) {
            filler.close();
        }
    }
}
