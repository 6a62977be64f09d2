// WRONG: the \r before a line end is dropped only when it is in the same chunk as the \n; cut between them, it stays in the line.
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1: copy each chunk's lines out in one go. */
public final class LineDecoder {

    private final int maximum;
    private final ByteArrayOutputStream carried = new ByteArrayOutputStream();

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        var lines = new ArrayList<String>();
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            if (chunk[i] != '\n') {
                continue;
            }
            int lineEnd = i;
            if (i > lineStart && chunk[i - 1] == '\r') {
                lineEnd = i - 1;
            }
            carried.write(chunk, lineStart, lineEnd - lineStart);
            if (carried.size() > maximum) {
                throw new LineTooLongException(maximum);
            }
            lines.add(carried.toString(UTF_8));
            carried.reset();
            lineStart = i + 1;
        }
        carried.write(chunk, lineStart, length - lineStart);
        int waiting = carried.size();
        if (waiting > maximum + 1 || (waiting == maximum + 1 && chunk[length - 1] != '\r')) {
            throw new LineTooLongException(maximum);
        }
        return lines;
    }
}
