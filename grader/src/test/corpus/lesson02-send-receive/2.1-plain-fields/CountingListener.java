// WRONG, misses the main idea: the counts are plain fields, written by the reading thread and read by other threads with no happens-before between them.
package tcpcourse.lesson02.exercises;

import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts bytes and chunks, and notes the end. */
public final class CountingListener implements DataListener {

    private long totalBytes;
    private int totalChunks;
    private boolean streamEnded;

    @Override
    public void onData(byte[] chunk, int length) {
        totalBytes += length;
        totalChunks++;
    }

    @Override
    public void onEnd() {
        streamEnded = true;
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return totalBytes;
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return totalChunks;
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return streamEnded;
    }
}
