package tcpcourse.lesson05;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Length-prefix framing, the lesson's wire format: each frame is a 4-byte big-endian unsigned
 * length N, then N bytes.
 */
public final class LengthPrefix {

    /** The default maximum frame: 1 MiB. */
    public static final int DEFAULT_MAXIMUM = 1 << 20;

    private LengthPrefix() {}

    /** Writes one frame; call {@code flush} when the frame should leave. */
    // tag::write-frame[]
    public static void writeFrame(DataOutputStream toPeer, byte[] payload) throws IOException {
        toPeer.writeInt(payload.length); // 4 bytes, big-endian: the frame's length
        toPeer.write(payload);
    }
    // end::write-frame[]

    /**
     * Reads a frame's length, blocking until all four bytes have arrived, and checks it.
     *
     * @return the length, at most {@code maximum}; or -1 if the peer ended the connection between
     *     two frames
     * @throws FrameTooLargeException if the length is over {@code maximum}
     * @throws EOFException if the peer ended the connection in the middle of the length
     */
    // tag::read-length[]
    public static int readLength(DataInputStream fromPeer, int maximum) throws IOException {
        int first = fromPeer.read(); // <1>
        if (first == -1) {
            return -1; // a clean end: between two frames
        }
        byte[] rest = new byte[3];
        fromPeer.readFully(rest); // <2>
        long length = ((long) first << 24) | ((rest[0] & 0xFF) << 16) | ((rest[1] & 0xFF) << 8) | (rest[2] & 0xFF);
        if (length > maximum) { // <3>
            // Never allocate what the peer asks for before checking it.
            throw new FrameTooLargeException(length, maximum);
        }
        return (int) length;
    }
    // end::read-length[]

    /**
     * Reads one frame, blocking until all of it has arrived.
     *
     * @return the frame's bytes, or null if the peer ended the connection between two frames
     * @throws FrameTooLargeException if the length is over {@code maximum}
     * @throws EOFException if the peer ended the connection in the middle of a frame
     */
    // tag::read-frame[]
    public static byte[] readFrame(DataInputStream fromPeer, int maximum) throws IOException {
        int length = readLength(fromPeer, maximum);
        if (length == -1) {
            return null; // a clean end: between two frames
        }
        byte[] payload = new byte[length];
        // readFully loops until it has every byte; a plain read could return fewer.
        // EOFException if the stream ends first: the peer stopped mid-frame.
        fromPeer.readFully(payload); // <4>
        return payload;
    }
    // end::read-frame[]
}
