// WRONG, misses the main idea: a thread of its own per channel waits on each read with Future.get(), so a thread blocks on the socket and the listener runs on it.
package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.ExecutionException;
import tcpcourse.lesson05.FrameDecoder;

/** Exercise 5.3: a reader thread per channel, so readFrames can return at once. */
public final class AsyncFrames {

    private AsyncFrames() {}

    public static void readFrames(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        var reader = new Thread(() -> readAll(channel, maximum, listener), "frame reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static void readAll(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        var decoder = new FrameDecoder(maximum);
        var buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (true) {
                buffer.clear();
                int count = channel.read(buffer).get();
                if (count == -1) {
                    if (decoder.inTheMiddleOfAFrame()) {
                        listener.onError(new EOFException("the stream ended in the middle of a frame"));
                    } else {
                        listener.onEnd();
                    }
                    return;
                }
                for (byte[] frame : decoder.feed(buffer.array(), count)) {
                    listener.onFrame(frame);
                }
            }
        } catch (IOException broken) {
            listener.onError(broken);
        } catch (ExecutionException readFailed) {
            listener.onError(readFailed.getCause() instanceof IOException io ? io : new IOException(readFailed.getCause()));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
