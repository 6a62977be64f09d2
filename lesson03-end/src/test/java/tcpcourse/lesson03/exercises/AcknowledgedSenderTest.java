package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static tcpcourse.lesson03.exercises.Wire.describe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "3.4", title = "Count what the server acknowledged")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AcknowledgedSenderTest {

    private static final List<String> SIX = List.of("one", "two", "three", "four", "five", "six");

    @Test
    @Points(4)
    void returnsOnlyTheRecordsTheServerAcknowledgedBeforeItReset() throws Exception {
        var outcome = StoringServer.send(SIX, connection -> {
            connection.readRecordsToTheEnd(); // every record arrives, and every write returned
            connection.send("ok\nok\nok\n");
            connection.reset(); // the last three were read, but never stored
        });

        int count = outcome.count("when the server had read all 6 records, acknowledged 3 and reset");
        assertThat(count)
                .withFailMessage(count == SIX.size()
                        ? "send returned 6, the number of records written; the server acknowledged only 3 before it "
                                + "reset: a write that returns has only handed the bytes to our system, so count the "
                                + "server's ok lines, not the writes"
                        : "send returned %d; the server acknowledged 3 records (ok\\n three times, in one chunk) and then "
                                + "reset: count each whole ok\\n line, however many come in one read", count)
                .isEqualTo(3);
    }

    @Test
    @Points(1)
    void returnsEveryRecordWhenTheServerAcknowledgesEachAsItComes() throws Exception {
        var outcome = StoringServer.send(SIX, connection -> {
            for (int i = 0; i < SIX.size(); i++) {
                if (connection.readRecords(1).isEmpty()) {
                    break;
                }
                connection.acknowledge(1);
            }
            connection.readRecordsToTheEnd();
            connection.end();
        });

        int count = outcome.count("when the server acknowledged each of the 6 records as it came and ended");
        assertThat(count)
                .withFailMessage("send returned %d; the server acknowledged all 6 records, one ok\\n at a time, and "
                        + "ended: read acknowledgements until the server's end (-1)", count)
                .isEqualTo(6);
    }

    @Test
    @Points(1)
    void endsItsSideOnceEveryRecordIsWritten() throws Exception {
        var ended = new AtomicBoolean();
        var outcome = StoringServer.send(SIX, connection -> {
            int records = connection.readRecordsToTheEnd().size();
            ended.set(connection.clientEnded());
            if (ended.get()) {
                connection.acknowledge(records); // this server answers only once it knows there are no more
            }
            connection.end();
        });

        outcome.assertConnected();
        assertThat(ended.get())
                .withFailMessage("the server waited %s for our end after the records and never saw it: this "
                        + "server answers only once it knows that no more records come; end our side "
                        + "(shutdownOutput) once every record is written", Wire.seconds(Wire.PROMPT))
                .isTrue();
        int count = outcome.count("when the server read the 6 records and our end, then acknowledged all 6 and ended");
        assertThat(count)
                .withFailMessage("send returned %d; the server acknowledged all 6 records after our end, then ended",
                        count)
                .isEqualTo(6);
    }

    @Test
    @Points(1)
    void sendsEachRecordAsOneUtf8LineEndingInNewline() throws Exception {
        List<String> records = List.of("café", "5 €", "", "naïve, ünïcode: 日本");
        var expected = new ByteArrayOutputStream();
        records.forEach(record -> expected.writeBytes((record + "\n").getBytes(UTF_8)));
        var received = new AtomicReference<byte[]>();
        var outcome = StoringServer.send(records, connection -> {
            int count = connection.readRecordsToTheEnd().size();
            received.set(connection.received());
            connection.acknowledge(count);
            connection.end();
        });

        outcome.count("when the server had read the records and our end, and acknowledged each line");
        assertThat(received.get())
                .withFailMessage("the server received %s instead of %s: send each record as its UTF-8 bytes followed "
                        + "by \\n, one line per record, an empty record too", describe(received.get()),
                        describe(expected.toByteArray()))
                .isEqualTo(expected.toByteArray());
    }

    @Test
    @Points(1)
    void doesNotCountAnAcknowledgementCutShortByTheEnd() throws Exception {
        var outcome = StoringServer.send(SIX, connection -> {
            connection.readRecordsToTheEnd();
            connection.send("ok\nok\nok"); // the third ok never gets its \n: the server stopped before it
            connection.end();
        });

        int count = outcome.count("when the server sent \"ok\\nok\\nok\" and ended");
        assertThat(count)
                .withFailMessage("send returned %d; the server sent \"ok\\nok\\nok\" and ended: only 2 whole ok\\n lines "
                        + "arrived, and an ok without its \\n proves nothing (readLine returns such a cut line "
                        + "at the end, as if it were whole)", count)
                .isEqualTo(2);
    }

    @Test
    @Points(1)
    void returnsWhatWasAcknowledgedWhenTheResetBreaksAWrite() throws Exception {
        // 16 MiB of records: far more than the buffers hold, so the client is still writing, blocked,
        // when the server resets after the first two.
        List<String> big = Collections.nCopies(32, "x".repeat(512 * 1024));
        var outcome = StoringServer.send(big, 16 * 1024, connection -> {
            connection.readRecords(2);
            connection.acknowledge(1);
            connection.reset();
        });

        int count = outcome.count("when the server read 2 of 32 large records, acknowledged 1 and reset while "
                + "send was still writing (its write failed)");
        assertThat(count)
                .withFailMessage("send returned %d; the server acknowledged 1 record and then reset while send was "
                        + "still writing: a failed write is not the end of the story, read what arrived before it",
                        count)
                .isEqualTo(1);
    }

    @Test
    @Points(1)
    void throwsWhenTheConnectionIsRefused() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(Wire.PROMPT,
                    () -> AcknowledgedSender.send(refusing, SIX)));

            assertThat(thrown)
                    .withFailMessage(thrown == null
                            ? "send returned normally although the connection was refused: nothing was sent, and "
                                    + "the caller must learn it from an IOException, not from a count of 0"
                            : "send threw " + describe(thrown) + " when the connection was refused; it must throw an IOException")
                    .isInstanceOf(IOException.class);
        });
    }
}
