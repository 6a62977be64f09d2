package tcpcourse.lesson02;

import java.io.IOException;
import java.io.InputStream;

/** The loop under Node's {@code 'data'} event: read whatever has arrived, hand it on, repeat. */
public final class ReadLoop {

    /** Big enough for many small messages at once; a read never waits to fill it. */
    static final int CHUNK_SIZE = 8192;

    private ReadLoop() {}

    /**
     * Reads {@code fromPeer} until the peer ends the connection, giving each chunk to
     * {@code listener}, then calls {@link DataListener#onEnd}.
     *
     * <p>Blocks the calling thread, so call it on a thread of its own when the same program also
     * writes.
     *
     * @return how many bytes arrived in all
     * @throws IOException if reading fails (for example, the connection was reset), or the
     *     listener throws
     */
    public static long readUntilEnd(InputStream fromPeer, DataListener listener) throws IOException {
        // tag::read-loop[]
        byte[] chunk = new byte[CHUNK_SIZE];
        long total = 0;
        int length;
        // read blocks until at least one byte has arrived, then returns what is there: from 1
        // byte up to chunk.length, whatever the peer's writes were. -1 means the peer has ended
        // its side and everything it sent has been read.
        while ((length = fromPeer.read(chunk)) != -1) {
            total += length;
            listener.onData(chunk, length);
        }
        listener.onEnd();
        // end::read-loop[]
        return total;
    }
}
