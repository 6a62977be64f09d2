// WRONG: after the decoder fails and onError is called, the handler goes on to start the next read, so the end is reported a second time.
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
