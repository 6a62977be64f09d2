package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson05.Rechunker;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "5.1", title = "A line decoder with a maximum")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LineDecoderTest {

    private static List<String> feedAll(LineDecoder decoder, List<byte[]> chunks) throws Exception {
        var lines = new ArrayList<String>();
        for (byte[] chunk : chunks) {
            lines.addAll(decoder.feed(chunk, chunk.length));
        }
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    /** The chunks' sizes, so that a failure says how the stream was cut. */
    private static String sizes(List<byte[]> chunks) {
        return chunks.stream().map(chunk -> String.valueOf(chunk.length)).toList().toString();
    }

    /** Text with its line ends and other control characters shown, for failure messages. */
    private static String shown(Object text) {
        return String.valueOf(text).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /** The first line that differs, quoted, with its length: a lost space shows in the length. */
    private static String firstDifference(List<String> lines, List<String> expected) {
        for (int i = 0; i < Math.min(lines.size(), expected.size()); i++) {
            if (!lines.get(i).equals(expected.get(i))) {
                return String.format("line %d came out as \"%s\" (%d characters) where \"%s\" (%d characters) was sent",
                        i + 1, shown(lines.get(i)), lines.get(i).length(), shown(expected.get(i)), expected.get(i).length());
            }
        }
        return String.format("%d lines came out where %d were sent: %s", lines.size(), expected.size(), shown(lines));
    }

    /** What was thrown, or "nothing". */
    private static String thrown(Throwable failure) {
        return failure == null ? "nothing" : failure.toString();
    }

    @Test
    @Points(1)
    void returnsTheLinesAChunkCompletesAsInTheExample() throws Exception {
        var decoder = new LineDecoder(80);

        var first = decoder.feed(bytes("hel"), 3);
        var second = decoder.feed(bytes("lo\r\nwo"), 6);
        var third = decoder.feed(bytes("rld\nand more\n"), 13);

        assertThat(first).withFailMessage("feed(\"hel\") returned %s; a chunk without \\n completes no line, "
                + "expected []", shown(first)).isEmpty();
        assertThat(second).withFailMessage("feed(\"lo\\r\\nwo\") after \"hel\" returned %s; expected [hello]: "
                + "the start of a line stays from one call to the next", shown(second)).containsExactly("hello");
        assertThat(third).withFailMessage("feed(\"rld\\nand more\\n\") after \"wo\" returned %s; expected "
                + "[world, and more]: a chunk can complete several lines", shown(third))
                .containsExactly("world", "and more");
    }

    @Test
    @Points(3)
    void decodesACharacterCutBetweenTwoChunks() throws Exception {
        String line = "é€🙂"; // 2, 3 and 4 bytes in UTF-8
        byte[] stream = bytes(line + "\n");

        for (int cut = 1; cut < stream.length - 1; cut++) {
            var decoder = new LineDecoder(80);
            byte[] before = Arrays.copyOfRange(stream, 0, cut);
            byte[] after = Arrays.copyOfRange(stream, cut, stream.length);

            var lines = new ArrayList<>(decoder.feed(before, before.length));
            lines.addAll(decoder.feed(after, after.length));

            assertThat(lines).withFailMessage("the line \"%s\" cut after its byte %d of %d came out as %s: a chunk can "
                    + "end inside a character; keep bytes, and decode a line only once its \\n has arrived",
                    line, cut, stream.length - 1, lines).containsExactly(line);
        }
    }

    @Test
    @Points(2)
    void anyCuttingOfTheStreamGivesTheSameLines() throws Exception {
        var expected = List.of("first line", "", "  spaced\tout  ", "a\rb", "ünïcödé € and 🙂", "last one");
        byte[] stream = bytes("first line\r\n\n  spaced\tout  \r\na\rb\nünïcödé € and 🙂\r\nlast one\n");
        var cuttings = new ArrayList<List<byte[]>>();
        for (long seed = 0; seed < 200; seed++) {
            cuttings.add(new Rechunker(seed).rechunk(stream));
        }
        var oneByteAtATime = new ArrayList<byte[]>();
        for (byte b : stream) {
            oneByteAtATime.add(new byte[] {b});
        }
        cuttings.add(oneByteAtATime);

        for (var chunks : cuttings) {
            var lines = feedAll(new LineDecoder(80), chunks);

            assertThat(lines).withFailMessage("the stream cut into chunks of %s bytes: %s",
                    sizes(chunks), firstDifference(lines, expected)).isEqualTo(expected);
        }
    }

    @Test
    @Points(1)
    void readsOnlyTheFirstLengthBytesOfAChunk() throws Exception {
        var decoder = new LineDecoder(80);
        byte[] reused = bytes("ok\nSTALE\n");
        byte[] start = bytes("par\nSTALE");
        byte[] end = bytes("t\nSTALE\n");

        var first = decoder.feed(reused, 3);
        var second = decoder.feed(start, 3);
        var third = decoder.feed(end, 2);

        assertThat(first).withFailMessage("feed(\"ok\\nSTALE\\n\", 3) returned %s; expected [ok]: only the first "
                + "length bytes are the stream, a reused buffer holds old bytes after them", shown(first))
                .containsExactly("ok");
        assertThat(second).withFailMessage("feed(\"par\\nSTALE\", 3) returned %s; expected []: the \\n after the "
                + "first 3 bytes is not part of the stream", shown(second)).isEmpty();
        assertThat(third).withFailMessage("feed(\"t\\nSTALE\\n\", 2) after \"par\" returned %s; expected [part]",
                shown(third)).containsExactly("part");
    }

    @Test
    @Points(1)
    void refusesALineOverTheMaximumBeforeItsEndArrives() throws Exception {
        var acrossChunks = new LineDecoder(10);
        var inOneChunk = new LineDecoder(10);
        acrossChunks.feed(bytes("01234"), 5);

        Throwable acrossTwo = catchThrowable(() -> acrossChunks.feed(bytes("567890"), 6));
        Throwable inOne = catchThrowable(() -> inOneChunk.feed(bytes("0123456789A"), 11));

        assertThat(acrossTwo).withFailMessage("11 bytes of a line without its \\n, in chunks of 5 and 6, with a maximum "
                + "of 10: feed threw %s; expected a LineTooLongException as soon as the unfinished line is over the "
                + "maximum (a peer that never sends \\n would take all the memory)", thrown(acrossTwo))
                .isInstanceOf(LineTooLongException.class);
        assertThat(inOne).withFailMessage("11 bytes of a line without its \\n in one chunk, with a maximum of 10: feed "
                + "threw %s; expected a LineTooLongException at once", thrown(inOne))
                .isInstanceOf(LineTooLongException.class);
    }

    @Test
    @Points(1)
    void countsTheMaximumInBytesWithoutTheLineEnd() throws Exception {
        var crLf = new LineDecoder(10);
        var lf = new LineDecoder(10);
        var crCutFromLf = new LineDecoder(10);
        var twoByteCharacters = new LineDecoder(10);
        var overInBytes = new LineDecoder(10);

        Object exactlyTenWithCrLf = outcome(() -> crLf.feed(bytes("0123456789\r\n"), 12));
        Object exactlyTenWithLf = outcome(() -> lf.feed(bytes("0123456789\n"), 11));
        Object exactlyTenCrThenLf = outcome(() -> {
            var lines = new ArrayList<>(crCutFromLf.feed(bytes("0123456789\r"), 11));
            lines.addAll(crCutFromLf.feed(bytes("\n"), 1));
            return lines;
        });
        Object fiveCharactersTenBytes = outcome(() -> twoByteCharacters.feed(bytes("ééééé\n"), 11));
        Object sixCharactersTwelveBytes = outcome(() -> overInBytes.feed(bytes("éééééé\n"), 13));

        assertThat(exactlyTenWithCrLf).withFailMessage("a line of exactly the maximum, 10 bytes, ending in \\r\\n: "
                + "feed gave %s; expected [0123456789]: the line end does not count", exactlyTenWithCrLf)
                .isEqualTo(List.of("0123456789"));
        assertThat(exactlyTenWithLf).withFailMessage("a line of exactly the maximum, 10 bytes, ending in \\n: "
                + "feed gave %s; expected [0123456789]: only a longer line is over the maximum", exactlyTenWithLf)
                .isEqualTo(List.of("0123456789"));
        assertThat(exactlyTenCrThenLf).withFailMessage("a line of exactly the maximum, 10 bytes, with its \\r in one "
                + "chunk and its \\n in the next: feed gave %s; expected [0123456789]", exactlyTenCrThenLf)
                .isEqualTo(List.of("0123456789"));
        assertThat(fiveCharactersTenBytes).withFailMessage("\"ééééé\" is 10 bytes, the maximum: feed gave %s; "
                + "expected [ééééé]", fiveCharactersTenBytes).isEqualTo(List.of("ééééé"));
        assertThat(sixCharactersTwelveBytes).withFailMessage("\"éééééé\" is 6 characters but 12 bytes, over the "
                + "maximum of 10: feed gave %s; expected a LineTooLongException, the maximum counts bytes",
                sixCharactersTwelveBytes).isInstanceOf(LineTooLongException.class);
    }

    @Test
    @Points(1)
    void decodesUtf8WhateverThePlatformCharsetIs() throws Exception {
        var decoder = new LineDecoder(80);
        byte[] line = bytes("naïve café\n");

        var lines = decoder.feed(line, line.length);
        List<String> platformCharsetCalls = PlatformCharsetCalls.in(LineDecoder.class);

        assertThat(lines).withFailMessage("feed(\"naïve café\\n\") returned %s; expected [naïve café]: decode the "
                + "line's bytes as UTF-8", lines).containsExactly("naïve café");
        assertThat(platformCharsetCalls).withFailMessage("LineDecoder calls %s, which uses the platform's default "
                + "charset: UTF-8 here, something else on other machines; name UTF_8", platformCharsetCalls)
                .isEmpty();
    }

    /** What {@code feed} gave: its lines, or what it threw (an unwritten stub's pointer goes on up). */
    private static Object outcome(ThrowingFeed feed) throws Exception {
        try {
            return feed.call();
        } catch (UnsupportedOperationException notWrittenYet) {
            throw notWrittenYet;
        } catch (Exception thrown) {
            return thrown;
        }
    }

    @FunctionalInterface
    private interface ThrowingFeed {
        List<String> call() throws Exception;
    }
}
