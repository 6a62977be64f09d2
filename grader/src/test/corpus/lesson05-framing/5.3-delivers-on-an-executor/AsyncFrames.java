// WRONG: the listener is called on a single-thread executor of its own "to keep the I/O thread free", not on the channel group's threads.
package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tcpcourse.lesson05.FrameDecoder;

/** Exercise 5.3: reads on the group, the listener on a thread of its own, in order. */
public final class AsyncFrames {

    private static final ExecutorService LISTENERS = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "frame listener");
        thread.setDaemon(true);
        return thread;
    });

    private AsyncFrames() {}

    public static void readFrames(AsynchronousSocketChannel channel, int maximum, FrameListener listener) {
        var decoder = new FrameDecoder(maximum);
        var buffer = ByteBuffer.allocate(64 * 1024);
        channel.read(buffer, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer count, Void nothing) {
                if (count == -1) {
                    boolean cut = decoder.inTheMiddleOfAFrame();
                    LISTENERS.execute(() -> {
                        if (cut) {
                            listener.onError(new EOFException("the stream ended in the middle of a frame"));
                        } else {
                            listener.onEnd();
                        }
                    });
                    return;
                }
                buffer.flip();
                try {
                    for (byte[] frame : decoder.feed(buffer.array(), buffer.limit())) {
                        LISTENERS.execute(() -> listener.onFrame(frame));
                    }
                } catch (IOException broken) {
                    LISTENERS.execute(() -> listener.onError(broken));
                    return;
                }
                buffer.clear();
                channel.read(buffer, null, this);
            }

            @Override
            public void failed(Throwable failure, Void nothing) {
                IOException problem = failure instanceof IOException io ? io : new IOException(failure);
                LISTENERS.execute(() -> listener.onError(problem));
            }
        });
    }
}
