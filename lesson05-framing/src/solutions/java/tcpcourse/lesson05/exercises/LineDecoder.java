package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1, a reference solution: bytes kept until a line end, decoded per line. */
public final class LineDecoder {

    private final int maximum;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /** @param maximum the longest line accepted, in bytes, without its line end */
    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    /** Takes the next chunk of the stream and returns the lines it completes. */
    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        var lines = new ArrayList<String>();
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                lines.add(new String(bytes, 0, end, UTF_8));
                line.reset();
            } else {
                line.write(chunk[i]);
                // One byte of grace for a '\r' that the line end may still drop.
                if (line.size() > maximum + 1 || (line.size() == maximum + 1 && chunk[i] != '\r')) {
                    throw new LineTooLongException(maximum);
                }
            }
        }
        return lines;
    }
}
