// WRONG: the end of the stream is always reported as onEnd, even when it cuts a frame short; a clean end and a cut one are not told apart.
package tcpcourse.lesson05.exercises;

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
        channel.read(buffer, null, new CompletionHandler<Integer, Object>() {
            @Override
            public void completed(Integer count, Object ignored) {
                if (count == -1) {
                    listener.onEnd(); // the peer is done
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
            public void failed(Throwable failure, Object ignored) {
                listener.onError(failure instanceof IOException io ? io : new IOException(failure));
            }
        });
    }
}
