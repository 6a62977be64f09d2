// WRONG, misses the main idea: the handler never starts the next read, so only the first chunk is ever read, and the end is never heard.
package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import tcpcourse.lesson05.FrameDecoder;

/** Exercise 5.3. */
public final class AsyncFrames {

    private AsyncFrames() {}

    public static void readFrames(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        var decoder = new FrameDecoder(maximum);
        var buffer = ByteBuffer.allocate(64 * 1024);
        channel.read(buffer, decoder, new CompletionHandler<Integer, FrameDecoder>() {
            @Override
            public void completed(Integer read, FrameDecoder frames) {
                if (read < 0) {
                    if (frames.inTheMiddleOfAFrame()) {
                        listener.onError(new EOFException("cut in the middle of a frame"));
                    } else {
                        listener.onEnd();
                    }
                    return;
                }
                buffer.flip();
                try {
                    for (byte[] frame : frames.feed(buffer.array(), buffer.limit())) {
                        listener.onFrame(frame);
                    }
                } catch (IOException bad) {
                    listener.onError(bad);
                }
            }

            @Override
            public void failed(Throwable problem, FrameDecoder frames) {
                listener.onError(problem instanceof IOException io ? io : new IOException(problem));
            }
        });
    }
}
