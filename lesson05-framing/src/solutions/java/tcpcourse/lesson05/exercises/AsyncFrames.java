package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import tcpcourse.lesson05.FrameDecoder;

/** Exercise 5.3, a reference solution: each completed read feeds the decoder and starts the next. */
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
        var decoder = new FrameDecoder(maximum);
        var buffer = ByteBuffer.allocate(64 * 1024);
        channel.read(buffer, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer count, Void nothing) {
                if (count == -1) {
                    if (decoder.inTheMiddleOfAFrame()) {
                        listener.onError(new EOFException("the stream ended in the middle of a frame"));
                    } else {
                        listener.onEnd();
                    }
                    return;
                }
                buffer.flip();
                try {
                    for (byte[] frame : decoder.feed(buffer.array(), buffer.limit())) {
                        listener.onFrame(frame);
                    }
                } catch (IOException broken) {
                    listener.onError(broken);
                    return;
                }
                buffer.clear();
                channel.read(buffer, null, this);
            }

            @Override
            public void failed(Throwable failure, Void nothing) {
                listener.onError(failure instanceof IOException io ? io : new IOException(failure));
            }
        });
    }
}
