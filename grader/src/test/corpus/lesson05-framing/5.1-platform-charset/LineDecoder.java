// WRONG: the finished line is decoded with ByteArrayOutputStream.toString(), the platform's default charset, not UTF-8 by name.
package tcpcourse.lesson05.exercises;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Exercise 5.1: bytes collected per line. */
public final class LineDecoder {

    private final int maximum;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean carriageReturn;

    public LineDecoder(int maximum) {
        this.maximum = maximum;
    }

    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        var lines = new ArrayList<String>();
        for (int i = 0; i < length; i++) {
            byte b = chunk[i];
            if (b == '\n') {
                lines.add(current.toString());
                current.reset();
                carriageReturn = false;
                continue;
            }
            if (carriageReturn) {
                current.write('\r'); // the \r was not the line end after all
            }
            carriageReturn = b == '\r';
            if (!carriageReturn) {
                current.write(b);
            }
            if (current.size() > maximum) {
                throw new LineTooLongException(maximum);
            }
        }
        return lines;
    }
}
