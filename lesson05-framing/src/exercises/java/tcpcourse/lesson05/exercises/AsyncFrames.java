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
 * a read or the decoder fails, call {@code onError}. Exactly one of the two, once; after it,
 * start no more reads.
 *
 * <p>Example:
 *
 * <pre>{@code
 * AsyncFrames.readFrames(channel, 1 << 20, new FrameListener() { ... });
 * // returns at once; the listener is called on the channel group's threads
 * }</pre>
 *
 * <p>Main idea: no thread waits for data. Each completed read hands its chunk to the decoder and
 * starts the next read from the completion handler, so readFrames returns at once and the
 * listener hears every frame on the channel group's threads.
 *
 * <p>Hint: {@code channel.read(buffer, attachment, handler)} calls the handler's
 * {@code completed} with the count read, -1 at the end. The handler can start the next read
 * itself. Flip the buffer before taking bytes out of it, and clear it before reading into it again.
 */
public final class AsyncFrames {

    private AsyncFrames() {}

    /**
     * Starts reading frames of at most {@code maximum} bytes from {@code channel}; returns at once,
     * before any data has arrived, and starts no thread of its own: many channels can be read at
     * once by the few threads of their group.
     *
     * <p>The listener is called from the completion handler, on the channel group's threads, in the
     * order of the stream: each frame, then {@code onEnd}, or {@code onError} with an
     * {@code EOFException} if the stream ended in the middle of a frame, with the decoder's
     * {@code FrameTooLargeException} for a frame over the maximum, or with the read's own
     * {@code IOException} if a read fails.
     */
    public static void readFrames(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        throw new UnsupportedOperationException(
                "Exercise 5.3: implement readFrames, see lesson 5 \"Exercise 5.3: frames from callbacks\"");
    }
}
// end::exercise[]
