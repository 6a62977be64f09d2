// WRONG, misses the main idea: readFrames itself loops on read().get() until the end, so it blocks its caller instead of returning at once.
package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.ExecutionException;
import tcpcourse.lesson05.FrameDecoder;

/** Exercise 5.3: read, decode, repeat. */
public final class AsyncFrames {

    private AsyncFrames() {}

    public static void readFrames(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        FrameDecoder decoder = new FrameDecoder(maximum);
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            int n;
            while ((n = channel.read(buffer).get()) != -1) {
                for (byte[] frame : decoder.feed(buffer.array(), n)) {
                    listener.onFrame(frame);
                }
                buffer.clear();
            }
            if (decoder.inTheMiddleOfAFrame()) {
                listener.onError(new EOFException("the stream ended in the middle of a frame"));
            } else {
                listener.onEnd();
            }
        } catch (ExecutionException e) {
            listener.onError(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (IOException e) {
            listener.onError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
