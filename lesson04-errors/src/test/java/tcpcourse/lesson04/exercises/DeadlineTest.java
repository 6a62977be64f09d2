package tcpcourse.lesson04.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.Server.Mode;
import tcpcourse.lesson04.ServerFixture;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "4.3", title = "A deadline for a whole message")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DeadlineTest {

    /** Longer than any deadline here: a read that waits this long has waited past it. */
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    @Points(2)
    void givesUpAtTheDeadlineWhileBytesStillTrickleIn() throws Exception {
        // The slow server sends a byte every 300 ms: the 6th comes at 1.5 s, after the deadline.
        var deadline = Duration.ofMillis(1350);
        ServerFixture.withServer(Mode.SLOW, address -> {
            try (var connection = Loopback.connect(address)) {
                var outcome = Outcome.of(Duration.ofSeconds(5), () -> Deadline.readExactly(connection, 7, deadline));

                assertGivesUpAtTheDeadline(outcome, deadline, "the slow server sends a byte every 300 ms; with a"
                        + " deadline of 1.35 s for its 7-byte greeting", "a timeout on each read never trips while"
                        + " bytes keep coming: the deadline is for the whole message");
            }
        });
    }

    @Test
    @Points(2)
    void givesUpAtTheDeadlineOnAPeerThatSendsNothing() throws Exception {
        var deadline = Duration.ofMillis(500);
        ServerFixture.withServer(Mode.SILENT, address -> {
            try (var connection = Loopback.connect(address)) { // its own read timeout: 10 s
                var outcome = Outcome.of(Outcome.PROMPTLY, () -> Deadline.readExactly(connection, 7, deadline));

                assertGivesUpAtTheDeadline(outcome, deadline, "the server sends nothing; with a deadline of 0.5 s"
                        + " (and a socket timeout of 10 s)", "a read must not wait past the deadline, whatever"
                        + " the socket's own timeout");
            }
        });
    }

    @Test
    @Points(3)
    void givesUpAtTheDeadlineWhenAByteArrivesJustBeforeIt() throws Exception {
        var deadline = Duration.ofSeconds(2);
        Loopback.withConnectedPair((connection, peer) -> {
            peer.getOutputStream().write('h');
            var reading = Outcome.start(() -> Deadline.readExactly(connection, 3, deadline));
            reading.outcome(Duration.ofMillis(1400)); // the second byte 1.4 s after the start, or once it ends
            peer.getOutputStream().write('e');

            var outcome = reading.outcome(Duration.ofSeconds(3));

            assertGivesUpAtTheDeadline(outcome, deadline, "with a deadline of 2 s for 3 bytes, the peer sent 1 byte"
                    + " at once and 1 more after 1.4 s", "after the second byte only 0.6 s was left, and the next"
                    + " read may wait only that long");
        });
    }

    @Test
    @Points(1)
    void givesUpAtOnceWhenNoTimeIsLeft() throws Exception {
        // A first call with a byte waiting loads every class the exercise uses, so that the call
        // with no time left runs without a pause: a solution that turns "no time left" into a
        // socket timeout of 0 (no limit) then waits, whatever the machine's speed.
        Loopback.withConnectedPair((warmUp, peer) -> {
            peer.getOutputStream().write('x');
            Deadline.readExactly(warmUp, 1, LONG);
        });
        ServerFixture.withServer(Mode.SILENT, address -> {
            try (var connection = Loopback.connect(address)) {
                var outcome = Outcome.of(Outcome.PROMPTLY, () -> Deadline.readExactly(connection, 7, Duration.ZERO));

                assertThat(outcome.thrown())
                        .withFailMessage("the server sends nothing; with a deadline of zero, readExactly %s; expected"
                                + " a SocketTimeoutException at once%s", outcome, outcome.finished() ? ""
                                : ": with no time left, give up; a socket timeout of 0 means no limit at all")
                        .isInstanceOf(SocketTimeoutException.class);
            }
        });
    }

    @Test
    @Points(1)
    void readsExactlyTheMessageAcrossSeveralPartsAndNotAByteMore() throws Exception {
        ReadWatcher.withWatchedPair((connection, peer, watcher) -> {
            peer.getOutputStream().write("hel".getBytes(UTF_8));
            var reading = Outcome.start(() -> Deadline.readExactly(connection, 7, LONG));
            boolean readsOn = watcher.awaitReadingAfter(3, reading.future());
            peer.getOutputStream().write("lo\r\nworld".getBytes(UTF_8)); // the rest, and the next message
            peer.shutdownOutput();

            var outcome = reading.outcome();

            assertThat(readsOn && outcome.returned() && "hello\r\n".equals(new String(outcome.value(), UTF_8)))
                    .withFailMessage("the peer sent \"hel\", then, once those 3 bytes were read, \"lo\\r\\nworld\";"
                            + " readExactly(7) %s; expected the 7 bytes \"hello\\r\\n\": one read may return only part"
                            + " of a message, so read until you have them all", outcome)
                    .isTrue();
            connection.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
            assertThat(new String(connection.getInputStream().readAllBytes(), UTF_8))
                    .withFailMessage("after readExactly(7) took \"hello\\r\\n\", the next message \"world\" was no"
                            + " longer on the stream: read exactly the bytes asked for, and no more (a buffered"
                            + " stream of your own reads ahead, and its bytes are lost)")
                    .isEqualTo("world");
        });
    }

    @Test
    @Points(1)
    void throwsEOFExceptionWhenThePeerEndsInTheMiddle() throws Exception {
        ServerFixture.withServer(Mode.HALF_MESSAGE, address -> {
            try (var connection = Loopback.connect(address)) {
                var outcome = Outcome.of(Outcome.PROMPTLY, () -> Deadline.readExactly(connection, 7, LONG));

                assertThat(outcome.thrown())
                        .withFailMessage("the server sends \"hel\" and ends the connection; readExactly(7) %s;"
                                + " expected an EOFException: read returns -1 at the end, and 3 of 7 bytes is not a"
                                + " message", outcome)
                        .isInstanceOf(EOFException.class);
            }
        });
    }

    /**
     * Asserts that {@code outcome} is a SocketTimeoutException thrown at the deadline: not before
     * it (less a little rounding to milliseconds), and not so long after it that a read waited
     * past it.
     */
    private static void assertGivesUpAtTheDeadline(Outcome<byte[]> outcome, Duration deadline, String situation,
            String advice) {
        boolean early = outcome.took().compareTo(deadline.multipliedBy(9).dividedBy(10)) < 0;
        String why = !outcome.returned() ? advice
                : early ? "it returned before the whole message had arrived; one read may return only part of it"
                : "the deadline passed before the whole message had arrived, so throw then; " + advice;
        assertThat(outcome.thrown() instanceof SocketTimeoutException)
                .withFailMessage("%s, readExactly %s; expected a SocketTimeoutException at the deadline: %s",
                        situation, outcome, why)
                .isTrue();
        assertThat(outcome.took())
                .withFailMessage("%s, readExactly gave up after %s, before the deadline: wait for the time left",
                        situation, outcome.tookText())
                .isGreaterThanOrEqualTo(deadline.multipliedBy(9).dividedBy(10));
    }
}
