package tcpcourse.lesson02.exercises;

import tcpcourse.lesson02.DataListener;

// tag::exercise[]
/**
 * Exercise 2.1: a data listener that counts.
 *
 * <p>Write a {@link DataListener} that counts the bytes and the chunks it is given, and notes
 * the end of the stream. The reading thread calls {@code onData} and {@code onEnd}; other threads
 * may ask for the counts at any time while it runs, and must see each chunk counted as soon as its
 * {@code onData} has returned. A chunk may hold any bytes, text or not, and a long stream may carry
 * more than 2 GiB. A chunk shorter than its buffer is normal: only {@code onEnd} means the end.
 *
 * <p>Keep each count in a {@code final} field of a {@code java.util.concurrent.atomic} type, or in
 * a {@code volatile} field, or make all five methods {@code synchronized}. The tests check the
 * fields themselves: a count that another thread is not sure to see often looks right in a short
 * test, and goes wrong later on another machine.
 *
 * <p>Example, with a peer that sends 1 MiB and ends. A read returns at most 8192 bytes, and
 * often fewer, so the number of chunks changes from run to run, but is never under 128:
 *
 * <pre>{@code
 * var counter = new CountingListener();
 * ReadLoop.readUntilEnd(connection.getInputStream(), counter);
 * System.out.println(counter.bytes() + " bytes in " + counter.chunks() + " chunks"); // 1048576 bytes in 131 chunks
 * }</pre>
 *
 * <p>Main idea: the reading thread updates the counts while other threads read them, so each count
 * is kept where every thread sees it up to date (an atomic), never in a plain field.
 *
 * <p>Hint: only the first {@code length} bytes of a chunk are data. The reading thread counts and
 * the test's thread reads the counts: look at {@code java.util.concurrent.atomic}.
 */
public final class CountingListener implements DataListener {

    @Override
    public void onData(byte[] chunk, int length) {
        throw new UnsupportedOperationException(
                "Exercise 2.1: implement onData, see lesson 2 \"Exercise 2.1: a data listener that counts\"");
    }

    @Override
    public void onEnd() {
        throw new UnsupportedOperationException(
                "Exercise 2.1: implement onEnd, see lesson 2 \"Exercise 2.1: a data listener that counts\"");
    }

    /** How many bytes have arrived so far. */
    public long bytes() {
        throw new UnsupportedOperationException(
                "Exercise 2.1: implement bytes, see lesson 2 \"Exercise 2.1: a data listener that counts\"");
    }

    /** How many chunks have arrived so far. */
    public int chunks() {
        throw new UnsupportedOperationException(
                "Exercise 2.1: implement chunks, see lesson 2 \"Exercise 2.1: a data listener that counts\"");
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        throw new UnsupportedOperationException(
                "Exercise 2.1: implement ended, see lesson 2 \"Exercise 2.1: a data listener that counts\"");
    }
}
// end::exercise[]
