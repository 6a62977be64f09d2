// WRONG: the maximum is compared with the line's characters, not its bytes, so a line of two-byte characters gets through at twice the maximum.
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1. */
public final class LineDecoder {

    private final int maximum;
    private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            byte next = chunk[i];
            if (next != '\n') {
                buffered.write(next);
                // No line end yet: never keep much more than a line may hold (4 bytes per character at most).
                if (buffered.size() > 4 * maximum + 1) {
                    throw new LineTooLongException(maximum);
                }
                continue;
            }
            String line = buffered.toString(UTF_8);
            buffered.reset();
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.length() > maximum) {
                throw new LineTooLongException(maximum);
            }
            lines.add(line);
        }
        String unfinished = buffered.toString(UTF_8);
        if (unfinished.replace("\r", "").length() > maximum) {
            throw new LineTooLongException(maximum);
        }
        return lines;
    }
}
