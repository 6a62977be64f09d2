// RIGHT, another way: its own growing byte array instead of a ByteArrayOutputStream, searched for \n a run at a time and copied in bulk.
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Exercise 5.1: the unfinished line in an array of its own, grown as needed. */
public final class LineDecoder {

    private final int maximum;
    private byte[] unfinished = new byte[64];
    private int filled;

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        var lines = new ArrayList<String>();
        int position = 0;
        while (position < length) {
            int newline = position;
            while (newline < length && chunk[newline] != '\n') {
                newline++;
            }
            append(chunk, position, newline - position);
            if (newline == length) {
                // No line end in the rest of the chunk: the line goes on in the next one. Its last
                // byte may be the \r of a line end still to come, which does not count.
                int counted = filled > 0 && unfinished[filled - 1] == '\r' ? filled - 1 : filled;
                if (counted > maximum) {
                    throw new LineTooLongException(maximum);
                }
                break;
            }
            int end = filled > 0 && unfinished[filled - 1] == '\r' ? filled - 1 : filled;
            if (end > maximum) {
                throw new LineTooLongException(maximum);
            }
            lines.add(new String(unfinished, 0, end, UTF_8));
            filled = 0;
            position = newline + 1;
        }
        return lines;
    }

    private void append(byte[] bytes, int from, int count) throws LineTooLongException {
        if (filled + count > maximum + 1) {
            // Over the maximum even if the last byte were a \r: no need to keep it.
            throw new LineTooLongException(maximum);
        }
        if (filled + count > unfinished.length) {
            unfinished = Arrays.copyOf(unfinished, Math.max(filled + count, 2 * unfinished.length));
        }
        System.arraycopy(bytes, from, unfinished, filled, count);
        filled += count;
    }
}
