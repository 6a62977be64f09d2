package tcpcourse.lesson05;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes frames of the lesson's wire format into a buffer of its own, and sends the buffer when
 * it is full or on {@link #flush()}: many small frames leave in one system call.
 */
public final class FrameWriter {

    private final OutputStream out;
    private final byte[] buffer;
    private int filled;

    /** @param out the connection's output; do not wrap it in a buffer */
    public FrameWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    /** Adds one frame to what will be sent. */
    public void writeFrame(byte[] frame) throws IOException {
        if (buffer.length - filled < 4) {
            flush();
        }
        buffer[filled] = (byte) (frame.length >>> 24);
        buffer[filled + 1] = (byte) (frame.length >>> 16);
        buffer[filled + 2] = (byte) (frame.length >>> 8);
        buffer[filled + 3] = (byte) frame.length;
        filled += 4;
        if (frame.length <= buffer.length - filled) {
            System.arraycopy(frame, 0, buffer, filled, frame.length);
            filled += frame.length;
        } else {
            flush();
            out.write(frame); // a big frame goes out as it is
        }
    }

    /** Sends everything written so far. */
    public void flush() throws IOException {
        if (filled > 0) {
            out.write(buffer, 0, filled);
            filled = 0;
        }
    }
}
