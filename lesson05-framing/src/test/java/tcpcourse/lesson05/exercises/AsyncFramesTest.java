package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * How long the test waits for something that follows at once from what it did: a read taking
     * bytes already sent, the listener hearing a frame or the end. On loopback that takes
     * microseconds; only a reader that does not do it waits this long.
     */
    private static final Duration WAIT = Duration.ofSeconds(3);

    /** How long readFrames may take to return before a test goes on without it: it should return at once. */
    private static final Duration RETURN_WAIT = Duration.ofSeconds(1);

    /** A channel group whose threads the test knows, and a listener its channels connect to. */
    private static final class Group implements AutoCloseable {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final AsynchronousChannelGroup group;
        final ServerSocket listener;

        Group() throws IOException {
            group = AsynchronousChannelGroup.withFixedThreadPool(2, task -> {
                var thread = new Thread(task, "channel group thread");
                thread.setDaemon(true);
                threads.add(thread);
                return thread;
            });
            listener = Loopback.listen();
            listener.setSoTimeout((int) WAIT.toMillis());
        }

        /** A connection: the channel the exercise reads, and the socket the test sends from. */
        Pair connect() throws Exception {
            var channel = AsynchronousSocketChannel.open(group);
            channel.connect((InetSocketAddress) listener.getLocalSocketAddress()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            var sender = listener.accept();
            sender.setSoTimeout((int) WAIT.toMillis());
            return new Pair(new TrackedChannel(channel), sender);
        }

        @Override
        public void close() throws IOException {
            listener.close();
            group.shutdownNow();
        }
    }

    private record Pair(TrackedChannel channel, Socket sender) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (sender) {
                channel.close();
            }
        }
    }

    /** Records what the listener hears, on which threads, and how many reads had started by the outcome. */
    private static final class Recorder implements FrameListener {
        private final Set<Thread> groupThreads;
        private final TrackedChannel channel;
        final List<byte[]> frames = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> otherThreads = ConcurrentHashMap.newKeySet();
        final BlockingQueue<byte[]> arrivals = new LinkedBlockingQueue<>();
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        final AtomicLong readsStartedAtOutcome = new AtomicLong(-1);

        Recorder(Group group, TrackedChannel channel) {
            this.groupThreads = group.threads;
            this.channel = channel;
        }

        private void heard(String call) {
            if (!groupThreads.contains(Thread.currentThread())) {
                otherThreads.add(Thread.currentThread().getName());
            }
            calls.add(call);
        }

        @Override
        public void onFrame(byte[] frame) {
            heard("onFrame(" + frame.length + " bytes)");
            frames.add(frame);
            arrivals.add(frame);
        }

        @Override
        public void onEnd() {
            heard("onEnd()");
            ended("end");
        }

        @Override
        public void onError(IOException failure) {
            heard("onError(" + failure + ")");
            ended(failure);
        }

        private void ended(Object how) {
            if (!outcome.isDone()) {
                readsStartedAtOutcome.set(channel.readsStarted());
                outcome.complete(how);
            }
        }

        /** The end ("end") or the error, or what the listener heard by then if neither comes within {@link #WAIT}. */
        Object awaitOutcome(String situation) throws InterruptedException {
            try {
                return outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            } catch (TimeoutException none) {
                throw new AssertionError(situation + ", and " + WAIT.toSeconds() + " s later the listener had heard "
                        + (calls.isEmpty() ? "nothing" : String.join(", ", calls)) + ", neither onEnd nor onError ("
                        + channel.account() + ")");
            }
        }

        /** The calls after the first onEnd or onError. */
        List<String> callsAfterTheOutcome() {
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).startsWith("onEnd") || calls.get(i).startsWith("onError")) {
                    return calls.subList(i + 1, calls.size());
                }
            }
            return List.of();
        }
    }

    /**
     * Calls readFrames on a thread of its own and waits up to {@link #RETURN_WAIT} for it to return;
     * what it throws is thrown. One that does not return is left reading: the test goes on.
     */
    private static void startReading(TrackedChannel channel, int maximum, FrameListener listener) throws Exception {
        var call = Bounded.start("readFrames caller", () -> {
            AsyncFrames.readFrames(channel, maximum, listener);
            return null;
        });
        try {
            call.get(RETURN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception exception ? exception : new RuntimeException(failed.getCause());
        } catch (TimeoutException stillInReadFrames) {
            // it reads on the caller's thread: servesManyChannelsAtOnceWithoutAThreadEach says so
        }
    }

    /**
     * Sends each chunk only once the reads have taken every byte before it and the next read is
     * waiting: each chunk then arrives in reads of its own, cut where the test cut it.
     */
    private static void sendInReadsOfTheirOwn(Pair pair, Recorder recorder, List<byte[]> chunks) throws Exception {
        long sent = 0;
        for (byte[] chunk : chunks) {
            if (!pair.channel().awaitReadPendingAfter(sent, WAIT)) {
                throw new AssertionError(recorder.outcome.isDone()
                        ? "the stream was sent in " + chunks.size() + " reads of its own; after " + sent + " bytes, "
                                + "before the rest was sent, the listener had heard " + heard(recorder)
                        : pair.channel().bytesRead() < sent
                        ? "the reads took only " + pair.channel().bytesRead() + " of the " + sent + " bytes sent within "
                                + WAIT.toSeconds() + " s (" + pair.channel().account() + ")"
                        : "after reading " + sent + " bytes no next read was started within " + WAIT.toSeconds()
                                + " s: start the next read from the completion handler (" + pair.channel().account() + ")");
            }
            pair.sender().getOutputStream().write(chunk);
            sent += chunk.length;
        }
    }

    private static byte[] stream(List<byte[]> frames) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            LengthPrefix.writeFrame(new DataOutputStream(bytes), frame);
        }
        return bytes.toByteArray();
    }

    private static List<byte[]> cut(byte[] stream, int... cuts) {
        var chunks = new ArrayList<byte[]>();
        int from = 0;
        for (int cut : cuts) {
            chunks.add(Arrays.copyOfRange(stream, from, cut));
            from = cut;
        }
        chunks.add(Arrays.copyOfRange(stream, from, stream.length));
        return chunks;
    }

    private static String heard(Recorder recorder) {
        return recorder.calls.isEmpty() ? "nothing" : String.join(", ", recorder.calls);
    }

    @Test
    @Points(3)
    void callsTheListenerOnTheChannelGroupsThreads() throws Exception {
        byte[] frames = stream(List.of("one".getBytes(UTF_8), "two".getBytes(UTF_8), "three".getBytes(UTF_8)));
        try (var group = new Group(); var pair = group.connect()) {
            var recorder = new Recorder(group, pair.channel());
            startReading(pair.channel(), 1 << 20, recorder);

            sendInReadsOfTheirOwn(pair, recorder, cut(frames, 9, 12, 17));
            pair.sender().shutdownOutput();
            recorder.awaitOutcome("three frames were sent, in four reads, then the end");

            assertThat(recorder.calls).withFailMessage("three frames were sent, in four reads, then the end; the "
                    + "listener heard %s", heard(recorder))
                    .containsExactly("onFrame(3 bytes)", "onFrame(3 bytes)", "onFrame(5 bytes)", "onEnd()");
            assertThat(recorder.otherThreads).withFailMessage("the listener was called on the thread \"%s\", not on "
                    + "one of the channel group's threads: call it from the completion handler, which the group runs, "
                    + "and start no thread of your own", String.join("\", \"", recorder.otherThreads)).isEmpty();
        }
    }

    @Test
    @Points(2)
    void servesManyChannelsAtOnceWithoutAThreadEach() throws Exception {
        int channels = 40;
        try (var group = new Group()) {
            var pairs = new ArrayList<Pair>();
            var recorders = new ArrayList<Recorder>();
            try {
                for (int i = 0; i < channels; i++) {
                    pairs.add(group.connect());
                    recorders.add(new Recorder(group, pairs.get(i).channel()));
                }
                int threadsBefore = Thread.getAllStackTraces().size();

                Bounded.call(WAIT, () -> "readFrames had not returned " + WAIT.toSeconds() + " s after it was called, "
                        + "with nothing sent yet: it must start a read and return at once; the handler does the rest",
                        () -> {
                            for (int i = 0; i < channels; i++) {
                                AsyncFrames.readFrames(pairs.get(i).channel(), 1 << 20, recorders.get(i));
                            }
                            return null;
                        });
                int threadsStarted = Thread.getAllStackTraces().size() - threadsBefore;

                assertThat(threadsStarted).withFailMessage("readFrames on %d channels started %d threads: no thread "
                        + "may wait on a channel; the group's threads run the completion handlers", channels,
                        threadsStarted).isLessThanOrEqualTo(8);
                for (int i = channels - 1; i >= 0; i--) {
                    pairs.get(i).sender().getOutputStream().write(stream(List.of(("channel " + i).getBytes(UTF_8))));
                    byte[] arrived = recorders.get(i).arrivals.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);

                    assertThat(arrived).withFailMessage("a frame sent on channel %d of %d (the last ones first) had not "
                            + "reached its listener %d s later, while the other channels waited: a thread blocked on one "
                            + "channel's read serves no other", i + 1, channels, WAIT.toSeconds()).isNotNull();
                }
            } finally {
                for (var pair : pairs) {
                    pair.close();
                }
            }
        }
    }

    @Test
    @Points(1)
    void deliversEveryFrameInOrderThenTheEndHoweverTheReadsCutThem() throws Exception {
        var random = new Random(4);
        var frames = new ArrayList<byte[]>();
        for (int i = 0; i < 30; i++) {
            byte[] frame = new byte[i == 15 ? 100_000 : i % 7 == 0 ? 0 : random.nextInt(300)];
            random.nextBytes(frame);
            frames.add(frame);
        }
        byte[] before = stream(frames.subList(0, 15));
        byte[] big = stream(frames.subList(15, 16));
        byte[] after = stream(frames.subList(16, 30));
        var chunks = new ArrayList<byte[]>(new Rechunker(8).rechunk(before));
        chunks.addAll(cut(big, 2, 30_000, 60_000, 90_000)); // the first cut inside its length
        chunks.addAll(new Rechunker(9).rechunk(after));
        try (var group = new Group(); var pair = group.connect()) {
            var recorder = new Recorder(group, pair.channel());
            startReading(pair.channel(), 1 << 20, recorder);

            sendInReadsOfTheirOwn(pair, recorder, chunks);
            pair.sender().shutdownOutput();
            Object outcome = recorder.awaitOutcome("30 frames were sent in " + chunks.size() + " reads, then the end");

            for (int i = 0; i < Math.min(frames.size(), recorder.frames.size()); i++) {
                assertThat(recorder.frames.get(i)).withFailMessage("frame %d of 30, %d bytes, reached the listener as "
                        + "%d other bytes: a read can end anywhere in a frame; one decoder keeps the part it has until "
                        + "the next read", i + 1, frames.get(i).length, recorder.frames.get(i).length)
                        .isEqualTo(frames.get(i));
            }
            assertThat(recorder.frames.size()).withFailMessage("30 frames were sent in %d reads, then the end; the "
                    + "listener heard %d frames, then %s", chunks.size(), recorder.frames.size(), outcome)
                    .isEqualTo(frames.size());
            assertThat(outcome).withFailMessage("after the 30 frames, the stream ended between two frames; the "
                    + "listener heard %s instead of onEnd()", outcome).isEqualTo("end");
        }
    }

    @Test
    @Points(1)
    void reportsAStreamCutInTheMiddleOfAFrameAsAnEofError() throws Exception {
        byte[] whole = stream(List.of("complete".getBytes(UTF_8), "cut short".getBytes(UTF_8)));
        byte[] cutInTheBytes = Arrays.copyOf(whole, whole.length - 3);
        byte[] cutInTheLength = Arrays.copyOf(whole, 4 + 8 + 2);

        var insideTheBytes = endOf(cutInTheBytes);
        var insideTheLength = endOf(cutInTheLength);

        assertThat(insideTheBytes.outcome.getNow(null)).withFailMessage("the stream ended 3 bytes short of its second "
                + "frame; the listener heard %s; expected onFrame, then onError with an EOFException",
                heard(insideTheBytes)).isInstanceOf(EOFException.class);
        assertThat(insideTheLength.outcome.getNow(null)).withFailMessage("the stream ended after 2 bytes of its "
                + "second frame's length; the listener heard %s; expected onFrame, then onError with an EOFException",
                heard(insideTheLength)).isInstanceOf(EOFException.class);
    }

    /** What the listener hears when {@code bytes} are sent and the stream then ends. */
    private static Recorder endOf(byte[] bytes) throws Exception {
        try (var group = new Group(); var pair = group.connect()) {
            var recorder = new Recorder(group, pair.channel());
            startReading(pair.channel(), 1 << 20, recorder);
            pair.sender().getOutputStream().write(bytes);
            pair.sender().shutdownOutput();
            recorder.awaitOutcome(bytes.length + " bytes were sent, then the end");
            return recorder;
        }
    }

    @Test
    @Points(1)
    void reportsAFrameOverTheMaximumAsAnError() throws Exception {
        try (var group = new Group(); var pair = group.connect()) {
            var recorder = new Recorder(group, pair.channel());
            startReading(pair.channel(), 100, recorder);

            sendInReadsOfTheirOwn(pair, recorder, List.of(stream(List.of(new byte[100])), stream(List.of(new byte[101]))));
            pair.sender().shutdownOutput();
            Object outcome = recorder.awaitOutcome("a frame of 100 bytes and one of 101 were sent, with a maximum of 100");

            assertThat(outcome).withFailMessage("a frame of 100 bytes, then one of 101, with a maximum of 100: the "
                    + "listener heard %s; expected onFrame, then onError with the decoder's FrameTooLargeException",
                    heard(recorder)).isInstanceOf(FrameTooLargeException.class);
            assertThat(recorder.frames).withFailMessage("a frame of 100 bytes, then one of 101, with a maximum of 100: "
                    + "the listener heard %s; expected the first frame only", heard(recorder)).hasSize(1);
        }
    }

    @Test
    @Points(1)
    void reportsAReadThatFailsAsAnError() throws Exception {
        try (var group = new Group(); var pair = group.connect()) {
            var recorder = new Recorder(group, pair.channel());
            startReading(pair.channel(), 1 << 20, recorder);
            assertThat(pair.channel().awaitReadPendingAfter(0, WAIT)).withFailMessage("no read was started within %d s "
                    + "of readFrames", WAIT.toSeconds()).isTrue();

            pair.sender().setSoLinger(true, 0);
            pair.sender().close(); // a reset: the pending read fails
            Object outcome = recorder.awaitOutcome("the connection was reset while a read was waiting");

            assertThat(outcome).withFailMessage("the connection was reset while a read was waiting; the listener "
                    + "heard %s; expected onError with the read's IOException", heard(recorder))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    @Points(1)
    void reportsOneOutcomeAndReadsNoMoreAfterIt() throws Exception {
        byte[] overTheMaximum = stream(List.of(new byte[101], new byte[50]));
        byte[] cutShort = Arrays.copyOf(stream(List.of("cut short".getBytes(UTF_8))), 8);
        byte[] oneFrame = stream(List.of("one".getBytes(UTF_8)));

        var afterTooLarge = outcomeOf(overTheMaximum, false, "a frame of 101 bytes with a maximum of 100, more bytes, "
                + "then the end");
        var afterCutShort = outcomeOf(cutShort, false, "half a frame, then the end");
        var afterCleanEnd = outcomeOf(oneFrame, false, "one frame, then the end");
        var afterReset = outcomeOf(oneFrame, true, "one frame, then a reset");

        assertThat(afterTooLarge.problem()).withFailMessage("%s", afterTooLarge.problem()).isNull();
        assertThat(afterCutShort.problem()).withFailMessage("%s", afterCutShort.problem()).isNull();
        assertThat(afterCleanEnd.problem()).withFailMessage("%s", afterCleanEnd.problem()).isNull();
        assertThat(afterReset.problem()).withFailMessage("%s", afterReset.problem()).isNull();
    }

    /** What went wrong after the outcome of one situation, or null. */
    private record AfterTheOutcome(String problem) {}

    private static AfterTheOutcome outcomeOf(byte[] bytes, boolean reset, String situation) throws Exception {
        try (var group = new Group(); var pair = group.connect()) {
            var recorder = new Recorder(group, pair.channel());
            startReading(pair.channel(), 100, recorder);
            pair.sender().getOutputStream().write(bytes);
            if (reset) {
                assertThat(pair.channel().awaitReadPendingAfter(bytes.length, WAIT))
                        .withFailMessage("%s: the reads never took the %d bytes sent (%s)", situation, bytes.length,
                                pair.channel().account()).isTrue();
                pair.sender().setSoLinger(true, 0);
                pair.sender().close();
            } else {
                pair.sender().shutdownOutput();
            }
            Object outcome = recorder.awaitOutcome(situation);
            String first = outcome instanceof String ? "onEnd()" : "onError(" + outcome + ")";

            boolean quiet = pair.channel().awaitQuiet(WAIT);

            if (!quiet) {
                return new AfterTheOutcome(situation + ": after " + first + " reads went on for " + WAIT.toSeconds()
                        + " s (" + pair.channel().account() + "): after the end or an error, start no more reads");
            }
            if (!recorder.callsAfterTheOutcome().isEmpty()) {
                return new AfterTheOutcome(situation + ": after " + first + " the listener also heard "
                        + String.join(", ", recorder.callsAfterTheOutcome()) + ": report the end or an error once");
            }
            if (pair.channel().readsStarted() > recorder.readsStartedAtOutcome.get()) {
                return new AfterTheOutcome(situation + ": after " + first + " another read was started: after the end "
                        + "or an error, start no more reads");
            }
            return new AfterTheOutcome(null);
        }
    }
}
