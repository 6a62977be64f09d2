package tcpcourse.lesson05.exercises;

import java.io.IOException;

/** A line longer than the decoder accepts: the stream cannot be trusted further. */
public final class LineTooLongException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param maximum the longest line accepted, in bytes, without its line end */
    public LineTooLongException(int maximum) {
        super("a line is longer than the maximum of " + maximum + " bytes");
    }
}
