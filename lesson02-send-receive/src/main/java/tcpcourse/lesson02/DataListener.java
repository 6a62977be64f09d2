package tcpcourse.lesson02;

import java.io.IOException;

/**
 * The Java form of Node's {@code 'data'} and {@code 'end'} events: {@link ReadLoop} calls
 * {@link #onData} with each chunk as it arrives, then {@link #onEnd} once.
 */
// tag::listener[]
@FunctionalInterface
public interface DataListener {

    /**
     * Called with each chunk that arrives, in order, on the reading thread.
     *
     * <p>A chunk is whatever one {@code read} returned: it may hold part of what the peer wrote
     * in one call, or what it wrote in several. Only {@code chunk[0]} to
     * {@code chunk[length - 1]} are data, and the array is reused for the next chunk, so copy
     * what you keep.
     *
     * @throws IOException to stop reading, for example when passing the data on failed
     */
    void onData(byte[] chunk, int length) throws IOException;

    /** Called once, after the last chunk, when the peer has ended its side of the connection. */
    default void onEnd() throws IOException {}
}
// end::listener[]
