package tcpcourse.lesson04.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "4.1", title = "Survive a reset and report how much arrived")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReadReportTest {

    @Test
    @Points(3)
    void reportsTheBytesThatArrivedBeforeAResetWithECONNRESET() throws Exception {
        ReadWatcher.withWatchedPair((client, peer, watcher) -> {
            peer.getOutputStream().write(someBytes(1000));
            awaitArrived(client, 1000);
            reset(peer);

            var outcome = Outcome.of(Outcome.PROMPTLY, () -> ReadReport.readUntilFailure(client.getInputStream()));

            assertReports(new Received(1000, ErrorCode.ECONNRESET), "the peer reset the connection after 1000 bytes",
                    outcome);
        });
    }

    @Test
    @Points(2)
    void reportsTheBytesThatArrivedBeforeAReadTimeoutWithETIMEDOUT() throws Exception {
        ReadWatcher.withWatchedPair((client, peer, watcher) -> {
            peer.getOutputStream().write(someBytes(10));
            awaitArrived(client, 10);
            client.setSoTimeout(200); // and the peer says nothing more

            var outcome = Outcome.of(Outcome.PROMPTLY, () -> ReadReport.readUntilFailure(client.getInputStream()));

            assertReports(new Received(10, ErrorCode.ETIMEDOUT),
                    "a read timed out (a 200 ms read timeout) after 10 bytes", outcome);
        });
    }

    @Test
    @Points(1)
    void countsEveryChunkThatArrivedBeforeAResetThatCameWhileItWaited() throws Exception {
        ReadWatcher.withWatchedPair((client, peer, watcher) -> {
            var reading = Outcome.start(() -> ReadReport.readUntilFailure(client.getInputStream()));
            awaitReading(watcher, 0, reading);
            peer.getOutputStream().write(someBytes(300));
            awaitReading(watcher, 300, reading);
            peer.getOutputStream().write(someBytes(200));
            awaitReading(watcher, 500, reading);
            reset(peer);

            var outcome = reading.outcome();

            assertReports(new Received(500, ErrorCode.ECONNRESET),
                    "the peer sent 300 bytes, then 200, then reset the connection while readUntilFailure waited",
                    outcome);
        });
    }

    @Test
    @Points(1)
    void reportsASocketClosedUnderItWithOTHER() throws Exception {
        ReadWatcher.withWatchedPair((client, peer, watcher) -> {
            var reading = Outcome.start(() -> ReadReport.readUntilFailure(client.getInputStream()));
            peer.getOutputStream().write(someBytes(100));
            awaitReading(watcher, 100, reading);
            client.close(); // as another thread of the program would, while this one reads

            var outcome = reading.outcome();

            assertReports(new Received(100, ErrorCode.OTHER),
                    "another thread closed the socket after 100 bytes (SocketException: Socket closed)", outcome);
        });
    }

    @Test
    @Points(1)
    void reportsANormalEndWithTheCountAndNoError() throws Exception {
        ReadWatcher.withWatchedPair((client, peer, watcher) -> {
            peer.getOutputStream().write(someBytes(50_000));
            peer.shutdownOutput(); // a normal end: FIN after the last byte
            awaitArrived(client, 50_000);

            var outcome = Outcome.of(Outcome.PROMPTLY, () -> ReadReport.readUntilFailure(client.getInputStream()));

            assertReports(new Received(50_000, null), "the peer sent 50000 bytes and ended the stream", outcome);
        });
    }

    @Test
    @Points(1)
    void countsBytesNotCharactersOrLines() throws Exception {
        byte[] textAndBinary = textAndBinary();
        ReadWatcher.withWatchedPair((client, peer, watcher) -> {
            peer.getOutputStream().write(textAndBinary);
            peer.shutdownOutput();
            awaitArrived(client, textAndBinary.length);

            var outcome = Outcome.of(Outcome.PROMPTLY, () -> ReadReport.readUntilFailure(client.getInputStream()));

            assertReports(new Received(textAndBinary.length, null), "the peer sent " + textAndBinary.length
                    + " bytes (UTF-8 text with \\r\\n, then every byte value) and ended the stream", outcome);
        });
    }

    @Test
    @Points(1)
    void waitsForBytesThatHaveNotArrivedYet() throws Exception {
        ReadWatcher.withWatchedPair((client, peer, watcher) -> {
            var reading = Outcome.start(() -> ReadReport.readUntilFailure(client.getInputStream()));
            awaitReading(watcher, 0, reading);
            peer.getOutputStream().write(someBytes(500));
            peer.shutdownOutput();

            var outcome = reading.outcome();

            assertReports(new Received(500, null),
                    "the peer sent 500 bytes only once readUntilFailure had started, then ended the stream", outcome);
        });
    }

    /**
     * Asserts that the call returned {@code expected}, and otherwise says what happened and what
     * to change, in the student's terms.
     */
    private static void assertReports(Received expected, String situation, Outcome<Received> outcome) {
        Received actual = outcome.returned() ? outcome.value() : null;
        String advice;
        if (!outcome.finished()) {
            advice = "after that there is nothing more to wait for: return what arrived";
        } else if (outcome.thrown() != null) {
            advice = "do not throw: return the bytes that arrived and the failure's code";
        } else if (actual == null) {
            advice = "return a Received, never null";
        } else if (actual.bytes() != expected.bytes()) {
            advice = "count the bytes (not characters, lines or reads) of every chunk, and keep the count when a read fails";
        } else if (expected.error() == null) {
            advice = "only the end of the stream (read returns -1) is a normal end, and it has no error";
        } else if (actual.error() == null) {
            advice = "a failure is not a normal end: report its code, as ErrorCode.of names it";
        } else {
            advice = "name the failure with ErrorCode.of, do not guess its code";
        }
        assertThat(actual)
                .withFailMessage("%s: expected %s, but readUntilFailure %s; %s", situation, expected, outcome, advice)
                .isEqualTo(expected);
    }

    /** Waits until readUntilFailure, handed {@code bytes} bytes so far, reads again. */
    private static void awaitReading(ReadWatcher watcher, long bytes, Outcome.Running<Received> reading)
            throws InterruptedException {
        boolean readsAgain = watcher.awaitReadingAfter(bytes, reading.future());
        var soFar = reading.outcome(Duration.ZERO);
        assertThat(readsAgain)
                .withFailMessage(soFar.finished()
                        ? "with the connection still open and " + bytes + " bytes sent so far, readUntilFailure "
                                + soFar + "; a read that finds nothing yet waits for more, and only read returning -1"
                                + " is the end"
                        : "with " + bytes + " bytes sent so far, readUntilFailure neither read the stream again nor"
                                + " returned within " + soFar.tookText() + "; read it with read, which waits for bytes")
                .isTrue();
    }

    private static void awaitArrived(Socket client, int bytes) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> client.getInputStream().available() == bytes);
    }

    private static void reset(Socket peer) throws java.io.IOException {
        peer.setSoLinger(true, 0); // close() now sends RST, not FIN
        peer.close();
    }

    /** Bytes that are not all alike, so that counting the wrong thing shows. */
    private static byte[] someBytes(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    /** UTF-8 text with line ends, then every byte value: what a count of characters or lines gets wrong. */
    private static byte[] textAndBinary() {
        var bytes = new ByteArrayOutputStream();
        for (int line = 0; line < 50; line++) {
            bytes.writeBytes("héllo, wörld\r\n".getBytes(UTF_8));
        }
        for (int value = 0; value < 256; value++) {
            bytes.write(value);
        }
        return bytes.toByteArray();
    }
}
