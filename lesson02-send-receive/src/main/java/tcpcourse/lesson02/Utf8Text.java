package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Turns the chunks of a UTF-8 stream into text, one chunk at a time.
 *
 * <p>A character such as {@code é} takes two bytes in UTF-8 ({@code €} three), and a chunk can
 * end between them. {@code new String(chunk, UTF_8)} would turn each half into {@code U+FFFD};
 * this decoder keeps the first half until the rest arrives. One instance per stream; not for
 * use by several threads at once.
 */
public final class Utf8Text {

    private final CharsetDecoder decoder = UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** The first bytes of a character that the last chunk cut off. */
    private ByteBuffer unfinished = ByteBuffer.allocate(0);

    /**
     * Decodes the next chunk of the stream.
     *
     * @return the text of every character completed by this chunk; possibly empty
     */
    // tag::decode[]
    public String decode(byte[] chunk, int length) {
        var bytes = ByteBuffer.allocate(unfinished.remaining() + length);
        bytes.put(unfinished).put(chunk, 0, length).flip();
        // UTF-8 never makes more characters than bytes, so this is always big enough.
        var text = CharBuffer.allocate(bytes.remaining());
        // endOfInput false: bytes that start a character but do not finish it stay in the
        // buffer instead of being replaced; we keep them for the next chunk.
        decoder.decode(bytes, text, false);
        unfinished = ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
        return text.flip().toString();
    }
    // end::decode[]

    /**
     * Ends the stream: bytes of a character that never finished come out as {@code U+FFFD}.
     *
     * @return what is left; usually empty
     */
    public String finish() {
        var text = CharBuffer.allocate(unfinished.remaining() + 1);
        decoder.decode(unfinished, text, true);
        decoder.flush(text);
        unfinished = ByteBuffer.allocate(0);
        decoder.reset();
        return text.flip().toString();
    }
}
