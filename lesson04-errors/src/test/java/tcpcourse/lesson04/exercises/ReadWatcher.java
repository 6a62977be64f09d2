package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tcpcourse.testkit.Loopback;

/**
 * Watches how far the exercise's code has read from a connection, so that a test sends the next
 * bytes only once the code has taken the earlier ones and waits for more. The bytes then reach the
 * code in parts for certain, on any machine, instead of "usually".
 *
 * <p>The watched stream is the connection's own stream, passed through unchanged: every way of
 * reading ({@code read}, {@code readAllBytes}, {@code transferTo}, a reader, a channel) goes
 * through it.
 */
final class ReadWatcher {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long delivered;
    private long deliveredAtLastRead = -1;

    /** The bytes handed to the code under test so far. */
    long delivered() {
        lock.lock();
        try {
            return delivered;
        } finally {
            lock.unlock();
        }
    }

    /** {@code fromPeer}, watched. */
    InputStream watch(InputStream fromPeer) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                readStarts();
                int b = fromPeer.read();
                if (b != -1) {
                    handed(1);
                }
                return b;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                if (length > 0) {
                    readStarts();
                }
                int count = fromPeer.read(into, offset, length);
                if (count > 0) {
                    handed(count);
                }
                return count;
            }

            @Override
            public int available() throws IOException {
                return fromPeer.available();
            }

            @Override
            public void close() throws IOException {
                fromPeer.close();
            }
        };
    }

    /**
     * Waits until the code under test, having been handed {@code bytes} bytes, reads again, or
     * until {@code call} ends, at most {@link Outcome#PROMPTLY}.
     *
     * @return whether it reads again; false if it ended or did neither in time
     */
    boolean awaitReadingAfter(long bytes, CompletableFuture<?> call) throws InterruptedException {
        call.whenComplete((value, failure) -> signal());
        long left = Outcome.PROMPTLY.toNanos();
        lock.lock();
        try {
            while (deliveredAtLastRead < bytes && !call.isDone() && left > 0) {
                left = changed.awaitNanos(left);
            }
            return deliveredAtLastRead >= bytes && !call.isDone();
        } finally {
            lock.unlock();
        }
    }

    private void readStarts() {
        lock.lock();
        try {
            deliveredAtLastRead = delivered;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void handed(int count) {
        lock.lock();
        try {
            delivered += count;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The two ends of a loopback connection, the client's stream watched. */
    @FunctionalInterface
    interface WatchedPairBody {
        /** The test's body; both sockets have a read timeout and are closed afterwards. */
        void accept(Socket client, Socket peer, ReadWatcher watcher) throws Exception;
    }

    /**
     * Runs {@code body} with a fresh loopback connection whose client socket hands out only the
     * watched stream from {@code getInputStream()}.
     */
    static void withWatchedPair(WatchedPairBody body) throws Exception {
        var watcher = new ReadWatcher();
        try (var listener = Loopback.listen();
                var client = watcher.new WatchedSocket()) {
            client.connect((InetSocketAddress) listener.getLocalSocketAddress(), (int) Loopback.READ_TIMEOUT.toMillis());
            client.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
            try (var peer = listener.accept()) {
                peer.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                body.accept(client, peer, watcher);
            }
        }
    }

    /** A plain socket, except that its input stream is watched. */
    private final class WatchedSocket extends Socket {
        private InputStream watched;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (watched == null) {
                watched = watch(super.getInputStream());
            }
            return watched;
        }
    }
}
