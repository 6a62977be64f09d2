package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson05.FrameTooLargeException;
import tcpcourse.lesson05.LengthPrefix;
import tcpcourse.lesson05.Rechunker;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "5.3", title = "Frames from callbacks")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AsyncFramesTest {

    /** Records what the listener was told; {@code outcome} completes with "end" or the error. */
    static final class Recorder implements FrameListener {
        final List<byte[]> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Object> outcome = new CompletableFuture<>();

        @Override
        public void onFrame(byte[] frame) {
            frames.add(frame);
        }

        @Override
        public void onEnd() {
            outcome.complete("end");
        }

        @Override
        public void onError(IOException failure) {
            outcome.complete(failure);
        }

        Object awaitOutcome() throws Exception {
            return outcome.get(10, TimeUnit.SECONDS);
        }
    }

    /** Sends {@code chunks}, one write each, then ends; the channel reads them with readFrames. */
    private static Recorder readFramesOf(List<byte[]> chunks, int maximum) throws Exception {
        var recorder = new Recorder();
        try (var listener = Loopback.listen(); var channel = AsynchronousSocketChannel.open()) {
            channel.connect((InetSocketAddress) listener.getLocalSocketAddress()).get(10, TimeUnit.SECONDS);
            try (var sender = listener.accept()) {
                AsyncFrames.readFrames(channel, maximum, recorder);
                for (byte[] chunk : chunks) {
                    sender.getOutputStream().write(chunk);
                }
                sender.shutdownOutput();
                recorder.awaitOutcome();
            }
        }
        return recorder;
    }

    private static byte[] stream(List<byte[]> frames) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            LengthPrefix.writeFrame(new DataOutputStream(bytes), frame);
        }
        return bytes.toByteArray();
    }

    @Test
    @Points(2)
    void deliversEveryFrameInOrderThenTheEnd() throws Exception {
        var random = new Random(4);
        var frames = new ArrayList<byte[]>();
        for (int i = 0; i < 40; i++) {
            byte[] frame = new byte[random.nextInt(i % 10 == 0 ? 200_000 : 50)];
            random.nextBytes(frame);
            frames.add(frame);
        }

        var recorder = readFramesOf(new Rechunker(8).rechunk(stream(frames)), 1 << 20);

        assertThat(recorder.outcome.get()).isEqualTo("end");
        assertThat(recorder.frames).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(recorder.frames.get(i)).as("frame %d", i).isEqualTo(frames.get(i));
        }
    }

    @Test
    @Points(1)
    void reportsAStreamCutInTheMiddleOfAFrame() throws Exception {
        byte[] whole = stream(List.of("complete".getBytes(UTF_8), "cut short".getBytes(UTF_8)));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        var recorder = readFramesOf(List.of(cut), 1 << 20);

        assertThat(recorder.frames).hasSize(1);
        assertThat(recorder.outcome.get()).isInstanceOf(EOFException.class);
    }

    @Test
    @Points(1)
    void reportsAFrameOverTheMaximum() throws Exception {
        var recorder = readFramesOf(List.of(stream(List.of(new byte[101]))), 100);

        assertThat(recorder.outcome.get()).isInstanceOf(FrameTooLargeException.class);
        assertThat(recorder.frames).isEmpty();
    }

    @Test
    @Points(1)
    void reportsAReadThatFails() throws Exception {
        var recorder = new Recorder();
        try (var listener = Loopback.listen(); var channel = AsynchronousSocketChannel.open()) {
            channel.connect((InetSocketAddress) listener.getLocalSocketAddress()).get(10, TimeUnit.SECONDS);
            try (var sender = listener.accept()) {
                AsyncFrames.readFrames(channel, 1 << 20, recorder);
                sender.setSoLinger(true, 0); // close() resets the connection: the read fails
            }

            assertThat(recorder.awaitOutcome()).isInstanceOf(IOException.class);
        }
    }
}
