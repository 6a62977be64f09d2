package tcpcourse.lesson05.exercises;

import java.nio.channels.AsynchronousSocketChannel;

// tag::exercise[]
/**
 * Exercise 5.3: frames from callbacks.
 *
 * <p>Read frames the event-driven way, as Node does: no thread waits on the socket. Start a read
 * on the channel with a completion handler; each time a chunk completes a read, feed it to a
 * {@code FrameDecoder}, give each whole frame to the listener, and start the next read. When the
 * channel reaches its end, call {@code onEnd} (or {@code onError} if a frame was cut short); when
 * a read or the decoder fails, call {@code onError}. Exactly one of the two, once.
 *
 * <p>Example:
 *
 * <pre>{@code
 * AsyncFrames.readFrames(channel, 1 << 20, new FrameListener() { ... });
 * // returns at once; the listener is called on the channel group's threads
 * }</pre>
 *
 * <p>Hint: {@code channel.read(buffer, attachment, handler)} calls the handler's
 * {@code completed} with the count read, -1 at the end. The handler can start the next read
 * itself. Flip the buffer before taking bytes out of it, and clear it before reading into it again.
 */
public final class AsyncFrames {

    private AsyncFrames() {}

    /**
     * Starts reading frames of at most {@code maximum} bytes from {@code channel}; returns at once.
     */
    public static void readFrames(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        throw new UnsupportedOperationException(
                "Exercise 5.3: implement readFrames, see lesson 5 \"Exercise 5.3: frames from callbacks\"");
    }
}
// end::exercise[]
