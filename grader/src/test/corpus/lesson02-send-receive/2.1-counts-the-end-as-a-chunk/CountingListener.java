// WRONG: it counts the end of the stream as one more chunk, so chunks() is one too many once the stream has ended.
package tcpcourse.lesson02.exercises;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts every event the read loop gives it. */
public final class CountingListener implements DataListener {

    private final AtomicLong byteCount = new AtomicLong();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicBoolean over = new AtomicBoolean();

    @Override
    public void onData(byte[] chunk, int length) {
        byteCount.addAndGet(length);
        events.incrementAndGet();
    }

    @Override
    public void onEnd() {
        // the end is the last chunk of the stream
        events.incrementAndGet();
        over.set(true);
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return byteCount.get();
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return events.get();
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return over.get();
    }
}
