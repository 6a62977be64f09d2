package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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

    @Test
    @Points(1)
    void returnsTheLinesAChunkCompletes() throws Exception {
        var decoder = new LineDecoder(80);

        var first = decoder.feed("hel".getBytes(UTF_8), 3);
        var second = decoder.feed("lo\r\nwo".getBytes(UTF_8), 6);
        var third = decoder.feed("rld\nand more\n".getBytes(UTF_8), 13);

        assertThat(first).isEmpty();
        assertThat(second).containsExactly("hello");
        assertThat(third).containsExactly("world", "and more");
    }

    @Test
    @Points(1)
    void usesOnlyTheBytesInUseOfAChunk() throws Exception {
        var decoder = new LineDecoder(80);
        byte[] reused = "ok\nIGNORED\n".getBytes(UTF_8);

        assertThat(decoder.feed(reused, 3)).containsExactly("ok");
    }

    @Test
    @Points(2)
    void anyCuttingOfTheStreamGivesTheSameLines() throws Exception {
        var expected = List.of("first line", "", "ünïcödé € and 🙂", "last one");
        byte[] stream = "first line\r\n\nünïcödé € and 🙂\nlast one\n".getBytes(UTF_8);
        for (long seed = 0; seed < 200; seed++) {
            var chunks = new Rechunker(seed).rechunk(stream);

            assertThat(feedAll(new LineDecoder(80), chunks)).as("seed %d", seed).isEqualTo(expected);
        }
        var oneByteAtATime = new ArrayList<byte[]>();
        for (byte b : stream) {
            oneByteAtATime.add(new byte[] {b});
        }
        assertThat(feedAll(new LineDecoder(80), oneByteAtATime)).isEqualTo(expected);
    }

    @Test
    @Points(1)
    void refusesALineOverTheMaximum() throws Exception {
        var exactlyTen = new LineDecoder(10);
        var decoder = new LineDecoder(10);

        assertThat(exactlyTen.feed("0123456789\r\n".getBytes(UTF_8), 12)).containsExactly("0123456789");
        decoder.feed("01234".getBytes(UTF_8), 5);
        assertThatThrownBy(() -> decoder.feed("567890".getBytes(UTF_8), 6)).isInstanceOf(LineTooLongException.class);
    }
}
