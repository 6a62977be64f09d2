package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1, a reference solution: bytes kept until a line end, decoded per line. */
public final class LineDecoder {

    private final int maximum;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /**
     * @param maximum the longest line accepted, in bytes (not characters), without its line end: a
     *     line of exactly {@code maximum} bytes is accepted
     */
    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    /**
     * Takes the next chunk of the stream: {@code chunk[0..length)}. The bytes after
     * {@code length} are not part of the stream (a reused buffer holds old bytes there).
     *
     * <p>Decodes each line as UTF-8, named in the code: the platform's default charset is not
     * UTF-8 on every machine.
     *
     * @return the lines this chunk completes, in order, without their line ends; an empty line is
     *     an empty string
     * @throws LineTooLongException as soon as the line being read is longer than the maximum, even
     *     before its {@code \n} has arrived
     */
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
