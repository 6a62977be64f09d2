// RIGHT, another way: a named handler class that carries its own state, a direct buffer copied out with get, and the listener's calls made after the buffer is ready for the next read.
package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.List;
import tcpcourse.lesson05.FrameDecoder;
import tcpcourse.lesson05.FrameTooLargeException;

/** Exercise 5.3: one Reader per channel; the buffer travels as the attachment. */
public final class AsyncFrames {

    private AsyncFrames() {}

    public static void readFrames(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        var reader = new Reader(channel, new FrameDecoder(maximum), listener);
        ByteBuffer buffer = ByteBuffer.allocateDirect(16 * 1024);
        channel.read(buffer, buffer, reader);
    }

    private static final class Reader implements CompletionHandler<Integer, ByteBuffer> {
        private final AsynchronousSocketChannel channel;
        private final FrameDecoder decoder;
        private final FrameListener listener;

        Reader(AsynchronousSocketChannel channel, FrameDecoder decoder, FrameListener listener) {
            this.channel = channel;
            this.decoder = decoder;
            this.listener = listener;
        }

        @Override
        public void completed(Integer count, ByteBuffer buffer) {
            if (count < 0) {
                if (decoder.inTheMiddleOfAFrame()) {
                    listener.onError(new EOFException("the stream ended in the middle of a frame"));
                } else {
                    listener.onEnd();
                }
                return;
            }
            buffer.flip();
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            buffer.compact(); // empty again, ready for the next read
            List<byte[]> frames;
            try {
                frames = decoder.feed(chunk, chunk.length);
            } catch (FrameTooLargeException tooLarge) {
                listener.onError(tooLarge);
                return;
            }
            frames.forEach(listener::onFrame);
            channel.read(buffer, buffer, this);
        }

        @Override
        public void failed(Throwable failure, ByteBuffer buffer) {
            listener.onError(failure instanceof IOException io ? io : new IOException("the read failed", failure));
        }
    }
}
