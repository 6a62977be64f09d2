package tcpcourse.lesson05;

import java.io.IOException;

/** A frame whose length, read as an unsigned number, is over the maximum: the connection cannot go on. */
public final class FrameTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param length the length the frame claims, as an unsigned number */
    public FrameTooLargeException(long length, int maximum) {
        super("a frame of " + length + " bytes is over the maximum of " + maximum);
    }
}
