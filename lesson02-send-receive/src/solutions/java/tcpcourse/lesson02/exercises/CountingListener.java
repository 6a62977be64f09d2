package tcpcourse.lesson02.exercises;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1, a reference solution: counts bytes and chunks, and notes the end. */
public final class CountingListener implements DataListener {

    // Atomic: the reading thread writes the counts while other threads read them.
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();

    @Override
    public void onData(byte[] chunk, int length) {
        bytes.addAndGet(length);
        chunks.incrementAndGet();
    }

    @Override
    public void onEnd() {
        ended.set(true);
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return bytes.get();
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return chunks.get();
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return ended.get();
    }
}
