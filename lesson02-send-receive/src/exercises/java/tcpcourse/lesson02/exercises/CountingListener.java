package tcpcourse.lesson02.exercises;

import tcpcourse.lesson02.DataListener;

// tag::exercise[]
/**
 * Exercise 2.1: a data listener that counts.
 *
 * <p>Write a {@link DataListener} that counts the bytes and the chunks it is given, and notes
 * the end of the stream. Other threads may ask for the counts while it runs.
 *
 * <p>Example:
 *
 * <pre>{@code
 * var counter = new CountingListener();
 * ReadLoop.readUntilEnd(connection.getInputStream(), counter);
 * System.out.println(counter.bytes() + " bytes in " + counter.chunks() + " chunks"); // 1048576 bytes in 37 chunks
 * }</pre>
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
