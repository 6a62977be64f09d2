package tcpcourse.lesson05.exercises;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real asynchronous channel that counts what is done with it: each read started, each read the
 * channel completed, each completion handler that has returned, the bytes read. The tests wait
 * on these counts instead of on time: "every byte sent so far has been read and the next read
 * has been started" is an event, and once it has happened, the next bytes sent arrive in a read
 * of their own.
 *
 * <p>Every call is passed on to the real channel, and every completion handler runs on the real
 * channel's group threads, as it would without the tracking.
 */
final class TrackedChannel extends AsynchronousSocketChannel {

    private final AsynchronousSocketChannel real;
    private final Object lock = new Object();
    private long readsStarted;
    private long readsCompleted;
    private long handlersReturned;
    private long bytesRead;
    private boolean endRead;
    private Throwable handlerFailure;

    TrackedChannel(AsynchronousSocketChannel real) {
        super(real.provider());
        this.real = real;
    }

    // ---- what the tests ask

    /** Reads started so far. */
    long readsStarted() {
        synchronized (lock) {
            return readsStarted;
        }
    }

    /** Bytes the reads have taken so far. */
    long bytesRead() {
        synchronized (lock) {
            return bytesRead;
        }
    }

    /** What a completion handler threw, if one did, or null. */
    Throwable handlerFailure() {
        synchronized (lock) {
            return handlerFailure;
        }
    }

    /** Whether a read has been started that the channel has not completed yet. */
    boolean readPending() {
        synchronized (lock) {
            return readsStarted > readsCompleted;
        }
    }

    /**
     * Waits until the reads have taken {@code sent} bytes and a further read is waiting for more;
     * false if that does not happen within {@code bound}.
     */
    boolean awaitReadPendingAfter(long sent, Duration bound) throws InterruptedException {
        return await(bound, () -> bytesRead >= sent && readsStarted > readsCompleted);
    }

    /**
     * Waits until every read started has completed and its handler has returned, and no read is
     * waiting: nothing more will happen unless someone starts a read. False if not within {@code bound}.
     */
    boolean awaitQuiet(Duration bound) throws InterruptedException {
        return await(bound, () -> readsStarted == handlersReturned);
    }

    /** A short account of the reads, for failure messages. */
    String account() {
        synchronized (lock) {
            return readsStarted + " reads started, " + readsCompleted + " completed, " + bytesRead + " bytes read"
                    + (endRead ? ", the end read" : "")
                    + (handlerFailure == null ? "" : "; a completion handler threw " + handlerFailure);
        }
    }

    private boolean await(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private void started() {
        synchronized (lock) {
            readsStarted++;
            lock.notifyAll();
        }
    }

    private void notStarted() {
        synchronized (lock) {
            readsStarted--;
            lock.notifyAll();
        }
    }

    private void completed(long count) {
        synchronized (lock) {
            readsCompleted++;
            if (count > 0) {
                bytesRead += count;
            } else if (count == -1) {
                endRead = true;
            }
            lock.notifyAll();
        }
    }

    private void handlerReturned(Throwable thrown) {
        synchronized (lock) {
            handlersReturned++;
            if (thrown != null && handlerFailure == null) {
                handlerFailure = thrown;
            }
            lock.notifyAll();
        }
    }

    /** The handler, with the counting around it. */
    private <V extends Number, A> CompletionHandler<V, A> counting(CompletionHandler<V, ? super A> handler) {
        return new CompletionHandler<>() {
            @Override
            public void completed(V count, A attachment) {
                TrackedChannel.this.completed(count.longValue());
                Throwable thrown = null;
                try {
                    handler.completed(count, attachment);
                } catch (RuntimeException | Error failure) {
                    thrown = failure;
                    throw failure;
                } finally {
                    handlerReturned(thrown);
                }
            }

            @Override
            public void failed(Throwable failure, A attachment) {
                TrackedChannel.this.completed(0);
                Throwable thrown = null;
                try {
                    handler.failed(failure, attachment);
                } catch (RuntimeException | Error inHandler) {
                    thrown = inHandler;
                    throw inHandler;
                } finally {
                    handlerReturned(thrown);
                }
            }
        };
    }

    // ---- reads, counted

    @Override
    public <A> void read(ByteBuffer dst, long timeout, TimeUnit unit, A attachment,
            CompletionHandler<Integer, ? super A> handler) {
        started();
        try {
            real.read(dst, timeout, unit, attachment, counting(handler));
        } catch (RuntimeException refused) {
            notStarted();
            throw refused;
        }
    }

    @Override
    public Future<Integer> read(ByteBuffer dst) {
        var result = new CompletableFuture<Integer>();
        read(dst, 0L, TimeUnit.MILLISECONDS, null, new CompletionHandler<Integer, Object>() {
            @Override
            public void completed(Integer count, Object nothing) {
                result.complete(count);
            }

            @Override
            public void failed(Throwable failure, Object nothing) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    @Override
    public <A> void read(ByteBuffer[] dsts, int offset, int length, long timeout, TimeUnit unit, A attachment,
            CompletionHandler<Long, ? super A> handler) {
        started();
        try {
            real.read(dsts, offset, length, timeout, unit, attachment, counting(handler));
        } catch (RuntimeException refused) {
            notStarted();
            throw refused;
        }
    }

    // ---- everything else, passed on

    @Override
    public AsynchronousSocketChannel bind(SocketAddress local) throws IOException {
        real.bind(local);
        return this;
    }

    @Override
    public <T> AsynchronousSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        real.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return real.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return real.supportedOptions();
    }

    @Override
    public AsynchronousSocketChannel shutdownInput() throws IOException {
        real.shutdownInput();
        return this;
    }

    @Override
    public AsynchronousSocketChannel shutdownOutput() throws IOException {
        real.shutdownOutput();
        return this;
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        return real.getRemoteAddress();
    }

    @Override
    public <A> void connect(SocketAddress remote, A attachment, CompletionHandler<Void, ? super A> handler) {
        real.connect(remote, attachment, handler);
    }

    @Override
    public Future<Void> connect(SocketAddress remote) {
        return real.connect(remote);
    }

    @Override
    public <A> void write(ByteBuffer src, long timeout, TimeUnit unit, A attachment,
            CompletionHandler<Integer, ? super A> handler) {
        real.write(src, timeout, unit, attachment, handler);
    }

    @Override
    public Future<Integer> write(ByteBuffer src) {
        return real.write(src);
    }

    @Override
    public <A> void write(ByteBuffer[] srcs, int offset, int length, long timeout, TimeUnit unit, A attachment,
            CompletionHandler<Long, ? super A> handler) {
        real.write(srcs, offset, length, timeout, unit, attachment, handler);
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return real.getLocalAddress();
    }

    @Override
    public boolean isOpen() {
        return real.isOpen();
    }

    @Override
    public void close() throws IOException {
        real.close();
    }
}
