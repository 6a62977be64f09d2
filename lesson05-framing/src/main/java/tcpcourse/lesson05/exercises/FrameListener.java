package tcpcourse.lesson05.exercises;

import java.io.IOException;

/** What an event-driven frame reader reports: each frame, then the end or an error, once. */
public interface FrameListener {

    /** A whole frame has arrived. */
    void onFrame(byte[] frame);

    /** The peer ended the connection between two frames. */
    void onEnd();

    /** Reading failed: a broken frame, a stream cut in the middle of a frame, or an I/O error. */
    void onError(IOException failure);
}
