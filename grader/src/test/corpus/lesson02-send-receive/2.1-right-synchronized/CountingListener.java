// RIGHT, another way: plain fields guarded by one lock, every method synchronized, instead of atomics.
package tcpcourse.lesson02.exercises;

import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts under the listener's own lock. */
public final class CountingListener implements DataListener {

    // Guarded by this: every method that touches them is synchronized.
    private long byteCount;
    private int chunkCount;
    private boolean endReached;

    @Override
    public synchronized void onData(byte[] chunk, int length) {
        byteCount += length;
        chunkCount++;
    }

    @Override
    public synchronized void onEnd() {
        endReached = true;
    }

    /** How many bytes have arrived so far. */
    public synchronized long bytes() {
        return byteCount;
    }

    /** How many chunks have arrived so far. */
    public synchronized int chunks() {
        return chunkCount;
    }

    /** Whether the stream has ended. */
    public synchronized boolean ended() {
        return endReached;
    }
}
