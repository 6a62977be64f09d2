// WRONG: the byte count is an AtomicInteger, which overflows once more than 2 GiB have arrived.
package tcpcourse.lesson02.exercises;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: a data listener that counts, safe to read from any thread. */
public final class CountingListener implements DataListener {

    // Atomics: the reader thread updates them, the other threads read them.
    private final AtomicInteger byteTotal = new AtomicInteger();
    private final AtomicInteger chunkTotal = new AtomicInteger();
    private final AtomicBoolean endSeen = new AtomicBoolean();

    @Override
    public void onData(byte[] chunk, int length) {
        byteTotal.addAndGet(length);
        chunkTotal.incrementAndGet();
    }

    @Override
    public void onEnd() {
        endSeen.set(true);
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return byteTotal.get();
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return chunkTotal.get();
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return endSeen.get();
    }
}
