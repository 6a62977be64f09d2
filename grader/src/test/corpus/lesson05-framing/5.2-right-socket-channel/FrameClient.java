// RIGHT, another way: a blocking SocketChannel with ByteBuffers and its own read loops, instead of streams and LengthPrefix.
package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import tcpcourse.lesson05.FrameTooLargeException;

/** Exercise 5.2: NIO, blocking; a buffer is full only once every byte it waits for has come. */
public final class FrameClient implements AutoCloseable {

    private final SocketChannel channel;
    private final int maximum;
    private final ByteBuffer header = ByteBuffer.allocate(4);

    private FrameClient(SocketChannel channel, int maximum) {
        this.channel = channel;
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(SocketChannel.open(server), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        var outgoing = new ByteBuffer[] {ByteBuffer.allocate(4).putInt(0, request.length), ByteBuffer.wrap(request)};
        while (outgoing[1].hasRemaining() || outgoing[0].hasRemaining()) {
            channel.write(outgoing); // a blocking channel writes all, but the loop costs nothing
        }
        header.clear();
        fill(header, "before the answer");
        long length = Integer.toUnsignedLong(header.getInt(0));
        if (length > maximum) {
            throw new FrameTooLargeException(length, maximum);
        }
        var answer = ByteBuffer.allocate((int) length);
        fill(answer, "in the middle of the answer");
        return answer.array();
    }

    /** Reads until {@code buffer} is full; a read returns what has arrived, maybe less. */
    private void fill(ByteBuffer buffer, String where) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) == -1) {
                throw new EOFException("the server ended the connection " + where);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
