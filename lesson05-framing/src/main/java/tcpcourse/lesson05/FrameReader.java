package tcpcourse.lesson05;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads frames of the lesson's wire format through a buffer of its own. Like
 * {@link LengthPrefix#readFrame}, plus one thing a server needs: {@link #hasBufferedInput()}
 * says whether frames that have already arrived are waiting, without asking the system (which
 * {@code BufferedInputStream.available()} does, with a system call, every time).
 */
public final class FrameReader {

    private final InputStream in;
    private final int maximum;
    private final byte[] buffer;
    private int position;
    private int limit;

    /**
     * @param in the connection's input; read in big chunks, so do not wrap it in a buffer
     * @param maximum the largest frame accepted
     * @param bufferSize how much to read at once
     */
    public FrameReader(InputStream in, int maximum, int bufferSize) {
        this.in = in;
        this.maximum = maximum;
        this.buffer = new byte[bufferSize];
    }

    /** Whether bytes already read from the connection are waiting in the buffer. */
    public boolean hasBufferedInput() {
        return position < limit;
    }

    /**
     * Reads one frame, blocking until all of it has arrived.
     *
     * @return the frame, or null if the connection ended between two frames
     * @throws FrameTooLargeException if the length is over the maximum
     * @throws EOFException if the connection ended in the middle of a frame
     */
    public byte[] readFrame() throws IOException {
        if (!fill(4)) {
            return null;
        }
        long length = ((buffer[position] & 0xFFL) << 24) | ((buffer[position + 1] & 0xFF) << 16)
                | ((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF);
        if (length > maximum) {
            throw new FrameTooLargeException(length, maximum);
        }
        position += 4;
        byte[] frame = new byte[(int) length];
        int copied = Math.min(frame.length, limit - position);
        System.arraycopy(buffer, position, frame, 0, copied);
        position += copied;
        // The rest of a big frame goes straight into it, not through the buffer.
        if (in.readNBytes(frame, copied, frame.length - copied) < frame.length - copied) {
            throw new EOFException("the connection ended in the middle of a frame");
        }
        return frame;
    }

    /**
     * Makes at least {@code count} bytes available in the buffer, reading as needed.
     *
     * @return false if the connection ended before any byte of them arrived
     */
    private boolean fill(int count) throws IOException {
        if (limit - position >= count) {
            return true;
        }
        // Move what is left to the front, then read after it.
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < count) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read == -1) {
                if (limit == 0) {
                    return false;
                }
                throw new EOFException("the connection ended in the middle of a frame");
            }
            limit += read;
        }
        return true;
    }
}
