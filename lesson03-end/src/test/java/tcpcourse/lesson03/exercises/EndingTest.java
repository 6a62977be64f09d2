package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static tcpcourse.lesson03.exercises.Wire.describe;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson03.exercises.Wire.Received;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "3.1", title = "end(data)")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EndingTest {

    /** Bytes that are no text in any charset: a round trip through a String changes them. */
    private static final byte[] NOT_TEXT = {0, (byte) 0xff, (byte) 0xc3, '(', (byte) 0x80, '\r', '\n', (byte) 0xe9, 0x7f};

    /** Calls {@code Ending.end}, which must hand the data and the end to the system and return. */
    private static void end(Socket connection, byte[] finalData) {
        try {
            assertTimeoutPreemptively(Wire.PROMPT, () -> Ending.end(connection, finalData),
                    () -> "end did not return within " + Wire.seconds(Wire.PROMPT)
                            + ": it must write the data, end our side and return, without waiting for the peer");
        } catch (AssertionError timedOut) {
            throw timedOut;
        } catch (Throwable failed) {
            throw new AssertionError("end threw " + describe(failed), failed);
        }
    }

    /** The peer of {@link #readsThePeersAnswerAfterEnding}: reads to our end, then answers and ends too. */
    private static boolean answerAtTheEnd(Socket peer, String answer) throws IOException {
        Received question = Wire.readUntilTheEnd(peer);
        if (!question.ended()) {
            return false;
        }
        try {
            peer.getOutputStream().write(answer.getBytes(UTF_8));
            peer.shutdownOutput();
        } catch (IOException resetByAClosedSocket) {
            // A socket closed on the other side resets: the test's own read says what went wrong.
        }
        return true;
    }

    @Test
    @Points(1)
    void thePeerReadsTheFinalDataThenTheEnd() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            byte[] finalData = "goodbye!\r\n".getBytes(UTF_8);

            end(client, finalData);
            Received received = Wire.readUntilTheEnd(server);

            assertThat(received.ended())
                    .withFailMessage("the peer read %s and then no end (-1) for %s: after the data, end must end our side",
                            describe(received.bytes()), Wire.seconds(Wire.PROMPT))
                    .isTrue();
            assertThat(received.bytes())
                    .withFailMessage("the peer read %s and then the end; it should have read %s first: "
                            + "everything written must go out before the end", describe(received.bytes()), describe(finalData))
                    .isEqualTo(finalData);
        });
    }

    @Test
    @Points(1)
    void thePeerReadsTheEndWhenThereIsNoFinalData() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            byte[] noData = new byte[0];

            end(client, noData);
            Received received = Wire.readUntilTheEnd(server);

            assertThat(received.ended())
                    .withFailMessage("with no final data, the peer read no end (-1) for %s: end must still end our side",
                            Wire.seconds(Wire.PROMPT))
                    .isTrue();
            assertThat(received.bytes())
                    .withFailMessage("with no final data, the peer read %s before the end; it should have read nothing",
                            describe(received.bytes()))
                    .isEmpty();
        });
    }

    @Test
    @Points(4)
    void readsThePeersAnswerAfterEnding() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            try (var background = new Background()) {
                var peer = background.call(() -> answerAtTheEnd(server, "answer"));

                end(client, "question".getBytes(UTF_8));
                boolean peerReadTheEnd = peer.get(2 * Wire.PROMPT.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(peerReadTheEnd)
                        .withFailMessage("the peer never read our end, so it never answered: "
                                + "end must end our side after writing the data")
                        .isTrue();
                Received answer = null;
                try {
                    answer = Wire.readUntilTheEnd(client);
                } catch (IOException readFailed) {
                    fail("after end, reading the peer's answer threw %s: end must leave this socket open for reading "
                            + "(close() ends both directions)", describe(readFailed));
                }
                assertThat(answer.text())
                        .withFailMessage("after end, this socket read %s instead of the peer's answer \"answer\": "
                                + "reading must go on until the peer ends its side", describe(answer.bytes()))
                        .isEqualTo("answer");
            }
        });
    }

    @Test
    @Points(2)
    void leavesTheSocketOpenForReading() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            byte[] finalData = "bye".getBytes(UTF_8);

            end(client, finalData);

            assertThat(client.isClosed())
                    .withFailMessage("end closed the socket: it must end only our side, and leave the socket open "
                            + "to read what the peer sends back")
                    .isFalse();
            assertThat(client.isInputShutdown())
                    .withFailMessage("end shut down the socket's input: it must end only our side, and reading must "
                            + "go on until the peer ends its side")
                    .isFalse();
        });
    }

    @Test
    @Points(1)
    void sendsBytesThatAreNotTextUnchanged() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            byte[] finalData = NOT_TEXT.clone();

            end(client, finalData);
            Received received = Wire.readUpTo(server, NOT_TEXT.length);

            assertThat(received.bytes())
                    .withFailMessage("the peer received %s instead of %s: send the bytes as given "
                            + "(a round trip through a String or a Writer changes bytes that are not text)",
                            describe(received.bytes()), describe(NOT_TEXT))
                    .isEqualTo(NOT_TEXT);
        });
    }

    @Test
    @Points(1)
    void throwsWhenTheSocketIsAlreadyClosed() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.close();

            Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(Wire.PROMPT,
                    () -> Ending.end(client, "too late".getBytes(UTF_8))));

            assertThat(thrown)
                    .withFailMessage(thrown == null
                            ? "end on a closed socket returned normally: it must let the IOException through, not catch it"
                            : "end on a closed socket threw " + describe(thrown) + "; it must throw an IOException")
                    .isInstanceOf(IOException.class);
        });
    }
}
