// WRONG, misses the main idea: only the writing methods are synchronized; the getters read the plain fields without the lock, so another thread is not sure to see the counts.
package tcpcourse.lesson02.exercises;

import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: a listener that counts, locking while it counts. */
public final class CountingListener implements DataListener {

    private long byteCount = 0;
    private int chunkCount = 0;
    private boolean done = false;

    @Override
    public synchronized void onData(byte[] chunk, int length) {
        // synchronized so that two updates never mix
        byteCount = byteCount + length;
        chunkCount = chunkCount + 1;
    }

    @Override
    public synchronized void onEnd() {
        done = true;
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return byteCount;
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return chunkCount;
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return done;
    }
}
