package tcpcourse.lesson05;

import java.util.ArrayList;
import java.util.List;

/**
 * An incremental length-prefix decoder: give it chunks of any size, as they arrive, and it gives
 * back every frame they complete. Between calls it keeps the part of a frame it has, which is
 * what an event-driven client (a {@code 'data'} handler) needs: it cannot block until the rest
 * arrives. Not for use by several threads at once.
 */
public final class FrameDecoder {

    private final int maximum;
    /** The length field read so far (up to 4 bytes), then the payload being filled. */
    private final byte[] header = new byte[4];
    private int headerFilled;
    private byte[] payload;
    private int payloadFilled;

    /** @param maximum the largest frame accepted */
    public FrameDecoder(int maximum) {
        this.maximum = maximum;
    }

    /**
     * Takes the next chunk of the stream.
     *
     * @return the frames this chunk completes, in order; often none, sometimes several
     * @throws FrameTooLargeException if a frame claims more than the maximum
     */
    // tag::feed[]
    public List<byte[]> feed(byte[] chunk, int length) throws FrameTooLargeException {
        var frames = new ArrayList<byte[]>();
        int position = 0;
        while (position < length) {
            if (payload == null) {
                // Still reading the length: it too can be cut between two chunks.
                int take = Math.min(4 - headerFilled, length - position);
                System.arraycopy(chunk, position, header, headerFilled, take);
                headerFilled += take;
                position += take;
                if (headerFilled < 4) {
                    break;
                }
                long frameLength = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16)
                        | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
                if (frameLength > maximum) {
                    throw new FrameTooLargeException(frameLength, maximum);
                }
                payload = new byte[(int) frameLength];
                payloadFilled = 0;
            }
            int take = Math.min(payload.length - payloadFilled, length - position);
            System.arraycopy(chunk, position, payload, payloadFilled, take);
            payloadFilled += take;
            position += take;
            if (payloadFilled == payload.length) {
                frames.add(payload);
                payload = null;
                headerFilled = 0;
            }
        }
        return frames;
    }
    // end::feed[]

    /** Whether a frame has been started and not finished: at the end of the stream, an error. */
    public boolean inTheMiddleOfAFrame() {
        return headerFilled > 0;
    }
}
