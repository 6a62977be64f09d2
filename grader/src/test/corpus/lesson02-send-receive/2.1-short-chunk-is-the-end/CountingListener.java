// WRONG: it takes a chunk shorter than the buffer for the end of the stream, but a short read is normal; only onEnd means the end.
package tcpcourse.lesson02.exercises;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts bytes and chunks and notices when the data stops. */
public final class CountingListener implements DataListener {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();

    @Override
    public void onData(byte[] chunk, int length) {
        bytes.addAndGet(length);
        chunks.incrementAndGet();
        if (length < chunk.length) {
            // the buffer was not filled, so this was the last of the data
            ended.set(true);
        }
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
