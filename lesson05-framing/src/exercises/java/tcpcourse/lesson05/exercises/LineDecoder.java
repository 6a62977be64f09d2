package tcpcourse.lesson05.exercises;

import java.util.List;

// tag::exercise[]
/**
 * Exercise 5.1: a line decoder with a maximum.
 *
 * <p>Delimiter framing: each message is a line of UTF-8 text ending in {@code \n} (a {@code \r}
 * right before it is dropped too; anything else, spaces and a {@code \r} elsewhere, belongs to
 * the line). Write an incremental decoder: it is given the chunks of a stream as they arrive, of
 * any size, and returns the lines they complete. A line may be cut across chunks anywhere, even
 * inside a character or between its {@code \r} and its {@code \n}. A line longer than the
 * maximum is an error: a decoder without a maximum lets a peer that never sends {@code \n} take
 * all the memory.
 *
 * <p>Example:
 *
 * <pre>{@code
 * var decoder = new LineDecoder(80);
 * decoder.feed(bytes("hel"), 3);          // []
 * decoder.feed(bytes("lo\r\nwo"), 6);     // ["hello"]
 * decoder.feed(bytes("rld\n"), 4);        // ["world"]
 * }</pre>
 *
 * <p>Main idea: a chunk is not a line. Keep the bytes of the unfinished line from one call to the
 * next, and turn a line into text only once its {@code \n} has arrived, so that every cutting of
 * the stream gives the same lines.
 *
 * <p>Hint: keep the bytes of the unfinished line between calls, and decode a line only once it is
 * complete. The maximum counts bytes, without the line end.
 */
public final class LineDecoder {

    /**
     * @param maximum the longest line accepted, in bytes (not characters), without its line end: a
     *     line of exactly {@code maximum} bytes is accepted
     */
    public LineDecoder(int maximum) {
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
        throw new UnsupportedOperationException(
                "Exercise 5.1: implement feed, see lesson 5 \"Exercise 5.1: a line decoder with a maximum\"");
    }
}
// end::exercise[]
