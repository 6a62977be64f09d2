// RIGHT, another way: a LongAdder for the bytes and volatile fields for the rest, which only the reading thread writes.
package tcpcourse.lesson02.exercises;

import java.util.concurrent.atomic.LongAdder;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts with an adder and volatile fields. */
public final class CountingListener implements DataListener {

    private final LongAdder byteTotal = new LongAdder();
    // Only the reading thread writes these; volatile makes each write visible to every reader.
    private volatile int chunkTotal;
    private volatile boolean sawEnd;

    @Override
    public void onData(byte[] chunk, int length) {
        byteTotal.add(length);
        chunkTotal = chunkTotal + 1;
    }

    @Override
    public void onEnd() {
        sawEnd = true;
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return byteTotal.sum();
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return chunkTotal;
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return sawEnd;
    }
}
