package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tcpcourse.testkit.Transcripts;

/** Length-prefix framing and the incremental decoder, in memory. */
class FramesTest {

    private static byte[] stream(List<byte[]> frames) throws Exception {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        for (byte[] frame : frames) {
            LengthPrefix.writeFrame(out, frame);
        }
        return bytes.toByteArray();
    }

    private static List<byte[]> randomFrames(Random random) {
        var frames = new ArrayList<byte[]>();
        for (int i = random.nextInt(20); i > 0; i--) {
            byte[] frame = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 16 : 5000)];
            random.nextBytes(frame);
            frames.add(frame);
        }
        return frames;
    }

    @Test
    void readsBackWhatWasWrittenThenTheEnd() throws Exception {
        var in = new DataInputStream(new ByteArrayInputStream(stream(List.of("one".getBytes(UTF_8), new byte[0]))));

        assertThat(LengthPrefix.readFrame(in, 100)).isEqualTo("one".getBytes(UTF_8));
        assertThat(LengthPrefix.readFrame(in, 100)).isEmpty();
        assertThat(LengthPrefix.readFrame(in, 100)).isNull();
    }

    @Test
    void writesTheLengthBigEndianBeforeTheBytes() throws Exception {
        assertThat(stream(List.of("hi".getBytes(UTF_8)))).containsExactly(0, 0, 0, 2, 'h', 'i');
    }

    @Test
    void refusesAFrameOverTheMaximumAndANegativeLength() {
        var tooLarge = new DataInputStream(new ByteArrayInputStream(new byte[] {0, 0, 0, 101}));
        var negative = new DataInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xFF, 0, 0, 0}));

        assertThatThrownBy(() -> LengthPrefix.readFrame(tooLarge, 100))
                .isInstanceOf(FrameTooLargeException.class).hasMessageContaining("101 bytes");
        assertThatThrownBy(() -> LengthPrefix.readFrame(negative, 100))
                .isInstanceOf(FrameTooLargeException.class).hasMessageContaining("4278190080 bytes");
    }

    @Test
    void saysWhenTheStreamEndsInTheMiddleOfAFrame() {
        var cut = new DataInputStream(new ByteArrayInputStream(new byte[] {0, 0, 0, 5, 'h', 'e'}));

        assertThatThrownBy(() -> LengthPrefix.readFrame(cut, 100)).isInstanceOf(EOFException.class);
    }

    /** How many random sequences of frames, each cut its own way, the decoder is fed. */
    private static final int CUTTINGS = 300;

    @Test
    void anyChunkingOfAnyFramesDecodesToTheSameFrames() throws Exception {
        for (long seed = 0; seed < CUTTINGS; seed++) {
            var random = new Random(seed);
            var frames = randomFrames(random);
            var decoder = new FrameDecoder(1 << 20);
            var decoded = new ArrayList<byte[]>();

            for (byte[] chunk : new Rechunker(seed).rechunk(stream(frames))) {
                decoded.addAll(decoder.feed(chunk, chunk.length));
            }

            assertThat(decoded).as("seed %d", seed).hasSameSizeAs(frames);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(Arrays.equals(decoded.get(i), frames.get(i))).as("seed %d, frame %d", seed, i).isTrue();
            }
            assertThat(decoder.inTheMiddleOfAFrame()).isFalse();
        }
        Transcripts.attributes("frames-test.adoc", Map.of("frames-test-cuttings", CUTTINGS));
    }

    @Test
    void takingOneChunkAsOneMessageGetsTheMessagesWrong() throws Exception {
        var frames = List.of("first".getBytes(UTF_8), "second".getBytes(UTF_8), "third".getBytes(UTF_8));
        var naive = new ArrayList<byte[]>();

        // The naive way: each chunk, without its first four bytes, taken as one message.
        for (byte[] chunk : new Rechunker(42).rechunk(stream(frames))) {
            naive.add(Arrays.copyOfRange(chunk, Math.min(4, chunk.length), chunk.length));
        }

        assertThat(naive).map(bytes -> new String(bytes, UTF_8)).isNotEqualTo(List.of("first", "second", "third"));
    }

    @Test
    void theDecoderRefusesAFrameOverTheMaximum() {
        var decoder = new FrameDecoder(10);

        org.assertj.core.api.Assertions.assertThatCode(() -> decoder.feed(new byte[] {0, 0}, 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> decoder.feed(new byte[] {0, 11}, 2)).isInstanceOf(FrameTooLargeException.class);
    }
}
