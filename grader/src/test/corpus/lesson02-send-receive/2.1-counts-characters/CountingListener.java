// WRONG: it decodes each chunk as UTF-8 text and counts the characters, not the bytes, so é, € and bytes that are not text count wrong.
package tcpcourse.lesson02.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tcpcourse.lesson02.DataListener;

/** Exercise 2.1: counts the data of each chunk. */
public final class CountingListener implements DataListener {

    private final AtomicLong dataSize = new AtomicLong();
    private final AtomicInteger chunkCounter = new AtomicInteger();
    private final AtomicBoolean isEnded = new AtomicBoolean();

    @Override
    public void onData(byte[] chunk, int length) {
        String data = new String(chunk, 0, length, UTF_8);
        dataSize.addAndGet(data.length());
        chunkCounter.incrementAndGet();
    }

    @Override
    public void onEnd() {
        isEnded.set(true);
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        return dataSize.get();
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        return chunkCounter.get();
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return isEnded.get();
    }
}
