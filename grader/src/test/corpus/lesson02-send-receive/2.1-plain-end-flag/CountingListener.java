// WRONG: the counts are atomics, but the end flag is a plain boolean, which another thread is not sure to see change.
package tcpcourse.lesson02.exercises;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts bytes and chunks, and remembers the end. */
public final class CountingListener implements DataListener {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger chunks = new AtomicInteger();
    private boolean ended;

    @Override
    public void onData(byte[] chunk, int length) {
        bytes.addAndGet(length);
        chunks.incrementAndGet();
    }

    @Override
    public void onEnd() {
        ended = true; // set once, never changes back
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
        return ended;
    }
}
