// WRONG: a new FrameDecoder is made for each completed read, so a frame cut between two reads is lost and the next read is misread.
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
        ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
        channel.read(buffer, null, new CompletionHandler<Integer, Void>() {
            private FrameDecoder decoder = new FrameDecoder(maximum);

            @Override
            public void completed(Integer count, Void unused) {
                if (count == -1) {
                    if (decoder.inTheMiddleOfAFrame()) {
                        listener.onError(new java.io.EOFException("the stream ended in the middle of a frame"));
                    } else {
                        listener.onEnd();
                    }
                    return;
                }
                decoder = new FrameDecoder(maximum); // this read's bytes, decoded afresh
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
            public void failed(Throwable failure, Void unused) {
                listener.onError(failure instanceof IOException io ? io : new IOException(failure));
            }
        });
    }
}
