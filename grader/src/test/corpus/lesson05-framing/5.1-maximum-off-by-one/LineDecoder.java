// WRONG: a line of exactly the maximum is refused (>= where > belongs, the \r counted too).
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1. */
public final class LineDecoder {

    private final int maximum;
    private final ByteArrayOutputStream unfinished = new ByteArrayOutputStream();

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        var lines = new ArrayList<String>();
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                byte[] bytes = unfinished.toByteArray();
                unfinished.reset();
                int end = bytes.length;
                if (end > 0 && bytes[end - 1] == '\r') {
                    end--;
                }
                lines.add(new String(bytes, 0, end, UTF_8));
            } else {
                if (unfinished.size() >= maximum) {
                    throw new LineTooLongException(maximum);
                }
                unfinished.write(chunk[i]);
            }
        }
        return lines;
    }
}
