package tcpcourse.lesson03;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * What a write promises, with a non-blocking {@link SocketChannel}: a {@code write} only hands
 * bytes to the system, takes as many as its buffers have room for, and may take none.
 */
public final class Writes {

    private Writes() {}

    /**
     * Writes {@code chunk} over and over until the system takes no more, and returns how many
     * bytes it took: what the connection's buffers hold while the peer reads nothing.
     *
     * <p>{@code channel} must be in non-blocking mode. Never blocks.
     *
     * @throws IOException if the connection has failed (a reset, say)
     */
    public static long fillUntilFull(SocketChannel channel, ByteBuffer chunk) throws IOException {
        long taken = 0;
        // tag::fill[]
        while (true) {
            chunk.rewind();
            // A non-blocking write takes what fits in the send buffer, possibly part of the chunk,
            // and returns at once: 0 means the buffers are full because the peer is not reading.
            int written = channel.write(chunk);
            if (written == 0) {
                break;
            }
            taken += written;
        }
        // end::fill[]
        return taken;
    }

    /**
     * Writes every remaining byte of {@code data}, waiting whenever the buffers are full until
     * the peer has read enough for the system to take more: Node's {@code 'drain'} event.
     *
     * <p>{@code channel} must be in non-blocking mode. Blocks until every byte is written.
     *
     * @throws IOException if the connection fails before every byte is handed over
     */
    public static void writeFully(SocketChannel channel, ByteBuffer data) throws IOException {
        try (var selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            // tag::write-fully[]
            while (data.hasRemaining()) {
                // Writes only part of data when the send buffer has room for only part of it.
                channel.write(data);
                if (data.hasRemaining()) {
                    // Node's 'drain': wait until the system can take more, then write the rest.
                    selector.select();
                    selector.selectedKeys().clear();
                }
            }
            // end::write-fully[]
        }
    }
}
