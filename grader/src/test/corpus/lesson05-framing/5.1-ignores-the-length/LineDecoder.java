// WRONG: the whole array is read, chunk.length instead of length, so the stale bytes of a reused buffer become lines.
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1. */
public final class LineDecoder {

    private final int maximum;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        var lines = new ArrayList<String>();
        for (byte b : chunk) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                lines.add(new String(bytes, 0, end, UTF_8));
                line.reset();
            } else {
                line.write(b);
                if (line.size() > maximum + 1 || (line.size() == maximum + 1 && b != '\r')) {
                    throw new LineTooLongException(maximum);
                }
            }
        }
        return lines;
    }
}
