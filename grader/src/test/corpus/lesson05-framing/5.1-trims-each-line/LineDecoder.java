// WRONG: each line is stripped of white space at both ends, which drops the \r but also spaces and tabs that belong to the line.
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
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                lines.add(line.toString(UTF_8).strip()); // strip takes the \r off
                line.reset();
            } else {
                line.write(chunk[i]);
                if (line.size() > maximum + 1 || (line.size() == maximum + 1 && chunk[i] != '\r')) {
                    throw new LineTooLongException(maximum);
                }
            }
        }
        return lines;
    }
}
