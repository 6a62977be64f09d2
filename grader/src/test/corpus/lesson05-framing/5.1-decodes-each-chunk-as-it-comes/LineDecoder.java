// WRONG, misses the main idea: each chunk is decoded to text as it arrives, so a character cut between two chunks is broken.
package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1: the text of the unfinished line waits in a StringBuilder. */
public final class LineDecoder {

    private final int maximum;
    private final StringBuilder pending = new StringBuilder();

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        List<String> complete = new ArrayList<>();
        pending.append(new String(chunk, 0, length, UTF_8));
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, newline);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.getBytes(UTF_8).length > maximum) {
                throw new LineTooLongException(maximum);
            }
            complete.add(line);
            pending.delete(0, newline + 1);
        }
        // What is left has no line end yet; a trailing \r may still belong to one.
        String rest = pending.toString();
        int restBytes = rest.getBytes(UTF_8).length - (rest.endsWith("\r") ? 1 : 0);
        if (restBytes > maximum) {
            throw new LineTooLongException(maximum);
        }
        return complete;
    }
}
