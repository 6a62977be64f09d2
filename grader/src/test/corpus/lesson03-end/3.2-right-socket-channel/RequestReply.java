// RIGHT, another way: uses a SocketChannel with ByteBuffers: a write loop, shutdownOutput on the channel, and a read loop until -1.
package tcpcourse.lesson03.exercises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Exercise 3.2: ask, then read the whole reply. */
public final class RequestReply {

    private RequestReply() {}

    /** Sends request, ends our side, and returns every byte until the server ends. */
    public static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(server)) {
            ByteBuffer outgoing = ByteBuffer.wrap(request);
            while (outgoing.hasRemaining()) {
                channel.write(outgoing); // a channel may write only part of the buffer
            }
            channel.shutdownOutput();
            var reply = new ByteArrayOutputStream();
            ByteBuffer incoming = ByteBuffer.allocate(16 * 1024);
            while (channel.read(incoming) != -1) {
                incoming.flip();
                reply.write(incoming.array(), 0, incoming.limit());
                incoming.clear();
            }
            return reply.toByteArray();
        }
    }
}
