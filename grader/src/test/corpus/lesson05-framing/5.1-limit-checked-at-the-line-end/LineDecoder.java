// WRONG: the maximum is checked only when a line ends, so a peer that never sends \n still fills the memory.
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1. */
public final class LineDecoder {

    private final int max;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    public LineDecoder(int maximum) {
        this.max = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                partial.write(chunk, from, i - from);
                byte[] line = partial.toByteArray();
                partial.reset();
                int size = line.length;
                if (size > 0 && line[size - 1] == '\r') {
                    size--;
                }
                if (size > max) {
                    throw new LineTooLongException(max);
                }
                out.add(new String(line, 0, size, UTF_8));
                from = i + 1;
            }
        }
        partial.write(chunk, from, length - from);
        return out;
    }
}
