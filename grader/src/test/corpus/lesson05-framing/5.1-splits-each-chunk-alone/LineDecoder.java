// WRONG, misses the main idea: nothing is kept between calls; each chunk is split on its own, so a line cut across chunks comes out in pieces.
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1: split the chunk on its line ends. */
public final class LineDecoder {

    private final int maximum;

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        var result = new ArrayList<String>();
        String text = new String(chunk, 0, length, UTF_8);
        int start = 0;
        int end;
        while ((end = text.indexOf('\n', start)) != -1) {
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.getBytes(UTF_8).length > maximum) {
                throw new LineTooLongException(maximum);
            }
            result.add(line);
            start = end + 1;
        }
        if (text.substring(start).getBytes(UTF_8).length > maximum) {
            throw new LineTooLongException(maximum);
        }
        return result;
    }
}
