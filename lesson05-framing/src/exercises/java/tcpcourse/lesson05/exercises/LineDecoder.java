package tcpcourse.lesson05.exercises;

import java.util.List;

// tag::exercise[]
/**
 * Exercise 5.1: a line decoder with a maximum.
 *
 * <p>Delimiter framing: each message is a line of UTF-8 text ending in {@code \n} (a {@code \r}
 * before it is dropped too). Write an incremental decoder: it is given the chunks of a stream
 * as they arrive, of any size, and returns the lines they complete. A line may be cut across
 * chunks anywhere, even inside a character. A line longer than the maximum is an error: a
 * decoder without a maximum lets a peer that never sends {@code \n} take all the memory.
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
 * <p>Hint: keep the bytes of the unfinished line between calls, and decode a line only once it is
 * complete. The maximum counts bytes, without the line end.
 */
public final class LineDecoder {

    /** @param maximum the longest line accepted, in bytes, without its line end */
    public LineDecoder(int maximum) {
    }

    /**
     * Takes the next chunk of the stream: {@code chunk[0..length)}.
     *
     * @return the lines this chunk completes, in order, without their line ends
     * @throws LineTooLongException once the line being read is longer than the maximum
     */
    public List<String> feed(byte[] chunk, int length) throws LineTooLongException {
        throw new UnsupportedOperationException(
                "Exercise 5.1: implement feed, see lesson 5 \"Exercise 5.1: a line decoder with a maximum\"");
    }
}
// end::exercise[]
