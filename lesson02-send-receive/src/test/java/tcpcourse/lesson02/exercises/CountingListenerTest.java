package tcpcourse.lesson02.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson02.DataListener;
import tcpcourse.lesson02.ReadLoop;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "2.1", title = "A data listener that counts")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CountingListenerTest {

    /** ReadLoop's own buffer size: every chunk arrives in an array this big. */
    private static final int READ_BUFFER = 8192;

    @Test
    @Points(1)
    void countsEachChunkAndOnlyTheFirstLengthBytesOfIt() throws Exception {
        // given
        var counter = new CountingListener();
        byte[] reusedBuffer = new byte[READ_BUFFER];

        // when
        counter.onData(reusedBuffer, 10);
        counter.onData(reusedBuffer, 1);
        counter.onData(reusedBuffer, 300);

        // then
        assertThat(counter.chunks())
                .withFailMessage("chunks() is %s after onData was called 3 times; it counts one chunk per call,"
                        + " whatever its size", counter.chunks())
                .isEqualTo(3);
        assertThat(counter.bytes())
                .withFailMessage("bytes() is %s after chunks of 10, 1 and 300 bytes, each in a buffer of %s bytes;"
                        + " only the first length bytes of a chunk are data", counter.bytes(), READ_BUFFER)
                .isEqualTo(311);
    }

    @Test
    @Points(1)
    void countsBytesNotCharacters() throws Exception {
        // given: UTF-8 text, where é takes two bytes and € three, and bytes that are not text at all
        var counter = new CountingListener();
        byte[] text = "héllo, €uro".getBytes(UTF_8);
        byte[] notText = {(byte) 0xC3, 0x00, (byte) 0xFF, (byte) 0xFE, '\r', '\n', (byte) 0x80};
        byte[] reusedBuffer = new byte[READ_BUFFER];

        // when
        System.arraycopy(text, 0, reusedBuffer, 0, text.length);
        counter.onData(reusedBuffer, text.length);
        System.arraycopy(notText, 0, reusedBuffer, 0, notText.length);
        counter.onData(reusedBuffer, notText.length);

        // then
        assertThat(counter.bytes())
                .withFailMessage("bytes() is %s after a chunk of %s bytes of UTF-8 text (11 characters) and one of"
                        + " %s bytes that are not text; count the bytes as they came, not characters",
                        counter.bytes(), text.length, notText.length)
                .isEqualTo(text.length + notText.length);
    }

    @Test
    @Points(1)
    void keepsCountingBytesPastTwoGibibytes() throws Exception {
        // given
        var counter = new CountingListener();
        byte[] reusedBuffer = new byte[1 << 16];
        long threeGibibytes = 3L << 30;

        // when
        for (long sent = 0; sent < threeGibibytes; sent += reusedBuffer.length) {
            counter.onData(reusedBuffer, reusedBuffer.length);
        }

        // then
        assertThat(counter.bytes())
                .withFailMessage("bytes() is %s after 3 GiB (%s bytes) in chunks of 64 KiB; an int overflows past"
                        + " 2 GiB, so count in a long", counter.bytes(), threeGibibytes)
                .isEqualTo(threeGibibytes);
        assertThat(counter.chunks()).withFailMessage("chunks() is %s after %s chunks", counter.chunks(),
                threeGibibytes / reusedBuffer.length).isEqualTo((int) (threeGibibytes / reusedBuffer.length));
    }

    @Test
    @Points(1)
    void notesTheEndOnlyWhenOnEndIsCalled() throws Exception {
        // given
        var counter = new CountingListener();
        boolean endedAtFirst = counter.ended();

        // when: a short chunk (4 bytes in a buffer of 8192) is normal, not the end
        counter.onData(new byte[READ_BUFFER], 4);
        boolean endedAfterAShortChunk = counter.ended();
        counter.onEnd();

        // then
        assertThat(endedAtFirst).withFailMessage("ended() is true before anything arrived").isFalse();
        assertThat(endedAfterAShortChunk)
                .withFailMessage("ended() is true after a chunk of 4 bytes in a buffer of %s: a chunk shorter than"
                        + " the buffer is normal, only onEnd means the end", READ_BUFFER)
                .isFalse();
        assertThat(counter.ended()).withFailMessage("ended() is still false after onEnd").isTrue();
    }

    @Test
    @Points(1)
    void countsEachByteOfARealConnectionAsItArrives() throws Exception {
        // given: a reading thread that gives every chunk of a real connection to the counter, and
        // tells the test when the first 100 000 bytes have been given
        byte[] megabyte = new byte[1 << 20];
        new Random(2).nextBytes(megabyte);
        int firstPart = 100_000;
        var counter = new CountingListener();
        var chunksGiven = new AtomicInteger();
        var firstPartGiven = new CompletableFuture<Void>();
        var given = new long[1];
        DataListener watched = new DataListener() {
            @Override
            public void onData(byte[] chunk, int length) throws java.io.IOException {
                counter.onData(chunk, length);
                chunksGiven.incrementAndGet();
                given[0] += length;
                if (given[0] == firstPart) {
                    firstPartGiven.complete(null);
                }
            }

            @Override
            public void onEnd() throws java.io.IOException {
                counter.onEnd();
            }
        };

        try (var background = new Background()) {
            Loopback.withConnectedPair((client, server) -> {
                var reading = background.call(() -> ReadLoop.readUntilEnd(client.getInputStream(), watched));

                // when: the first part has arrived and the stream is still open
                server.getOutputStream().write(megabyte, 0, firstPart);
                Bounded.outcomeOf(CompletableFuture.anyOf(firstPartGiven, reading));
                assertThat(firstPartGiven.isDone())
                        .withFailMessage("the first %s bytes never all reached the listener: %s",
                                firstPart, reading.isCompletedExceptionally()
                                        ? Bounded.describe(reading.handle((v, failed) -> failed).join())
                                        : "onData was given " + given[0] + " bytes")
                        .isTrue();
                long bytesSoFar = counter.bytes();
                int chunksSoFar = counter.chunks();
                boolean endedSoFar = counter.ended();

                // then: the counts so far, seen from the test's thread
                assertThat(bytesSoFar)
                        .withFailMessage("bytes() is %s after chunks that held %s bytes, while the stream is still"
                                + " open; count each chunk as it arrives", bytesSoFar, firstPart)
                        .isEqualTo(firstPart);
                assertThat(chunksSoFar)
                        .withFailMessage("chunks() is %s after onData was called %s times", chunksSoFar,
                                chunksGiven.get())
                        .isEqualTo(chunksGiven.get());
                assertThat(endedSoFar).withFailMessage("ended() is true while the stream is still open").isFalse();

                // when: the rest arrives, and the end
                server.getOutputStream().write(megabyte, firstPart, megabyte.length - firstPart);
                server.shutdownOutput();
                var read = Bounded.outcomeOf(reading);

                // then
                assertThat(read.ended()).withFailMessage("the read loop never saw the end of the stream").isTrue();
                assertThat(read.failure())
                        .withFailMessage("the read loop failed: %s", read.failure() == null ? "" : Bounded.describe(read.failure()))
                        .isNull();
            });
        }
        assertThat(counter.bytes())
                .withFailMessage("bytes() is %s after 1 MiB (%s bytes) crossed a real connection", counter.bytes(),
                        megabyte.length)
                .isEqualTo(megabyte.length);
        assertThat(counter.chunks())
                .withFailMessage("chunks() is %s after onData was called %s times", counter.chunks(), chunksGiven.get())
                .isEqualTo(chunksGiven.get());
        assertThat(counter.ended()).withFailMessage("ended() is false after the stream has ended").isTrue();
    }

    @Test
    @Points(5)
    void keepsEveryCountInAFinalAtomicOrVolatileFieldOrSynchronizedMethods() throws Exception {
        // given: a listener that counted on a reading thread of its own
        var counter = new CountingListener();
        try (var background = new Background()) {
            var reading = background.run(() -> {
                counter.onData(new byte[READ_BUFFER], 10);
                counter.onEnd();
            });
            var read = Bounded.outcomeOf(reading);
            assertThat(read.failure())
                    .withFailMessage("onData or onEnd threw %s", read.failure() == null ? "" : Bounded.describe(read.failure()))
                    .isNull();
        }

        // when: the test's thread asks for the counts (the other tests check their values)
        counter.bytes();
        counter.chunks();
        counter.ended();

        // then: each is kept where another thread is sure to see it
        List<String> unsafe = SharedFields.unsafeToShare(CountingListener.class,
                List.of("onData", "onEnd", "bytes", "chunks", "ended"));
        assertThat(unsafe).withFailMessage("%s", unsafe.isEmpty() ? "" : unsafe.get(0)).isEmpty();
    }
}
