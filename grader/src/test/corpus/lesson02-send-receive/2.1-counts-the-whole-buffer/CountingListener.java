// WRONG: it counts chunk.length, the size of the reused buffer, instead of length, the bytes that one read really returned.
package tcpcourse.lesson02.exercises;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts what arrives. */
public final class CountingListener implements DataListener {

    private final AtomicLong receivedBytes = new AtomicLong();
    private final AtomicInteger receivedChunks = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean(false);

    @Override
    public void onData(byte[] chunk, int length) {
        receivedBytes.addAndGet(chunk.length);
        receivedChunks.incrementAndGet();
    }

    @Override
    public void onEnd() {
        finished.set(true);
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return receivedBytes.get();
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return receivedChunks.get();
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return finished.get();
    }
}
