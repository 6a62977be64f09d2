package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static tcpcourse.lesson03.exercises.Wire.describe;
import static tcpcourse.lesson03.exercises.Wire.difference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "3.2", title = "Ask, then read the whole reply")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RequestReplyTest {

    /** Bytes that are no text in any charset: a round trip through a String changes them. */
    private static final byte[] NOT_TEXT = {0, (byte) 0xff, (byte) 0xc3, '(', (byte) 0x80, '\r', '\n', (byte) 0xe9, 0x7f};

    private static byte[] concat(byte[]... parts) {
        var all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String described(byte[] reply) {
        return reply == null ? "null" : describe(reply);
    }

    @Test
    @Points(1)
    void theServerReceivesTheRequestByteForByteThenItsEnd() throws Exception {
        byte[] request = concat("how are you?\r\n".getBytes(UTF_8), NOT_TEXT);

        var outcome = AnswerAtTheEnd.ask(request, "fine, thanks\n".getBytes(UTF_8));

        byte[] received = outcome.requestAsReceived();
        assertThat(received)
                .withFailMessage("the server received %s instead of %s: send the request's bytes as given "
                        + "(a round trip through a String or a Writer changes bytes that are not text)",
                        describe(received), describe(request))
                .isEqualTo(request);
    }

    @Test
    @Points(1)
    void returnsTheReplyByteForByte() throws Exception {
        byte[] reply = concat("fine, thanks\r\n".getBytes(UTF_8), NOT_TEXT);

        var outcome = AnswerAtTheEnd.ask("how are you?".getBytes(UTF_8), reply);

        byte[] returned = outcome.replyReturned();
        assertThat(returned)
                .withFailMessage("ask returned %s; the server sent %s: return the bytes as they came "
                        + "(lines or text made from them change line endings and bytes that are not text)",
                        returned == null ? "null" : difference(returned, reply), describe(reply))
                .isEqualTo(reply);
    }

    @Test
    @Points(1)
    void returnsAReplyOfManyChunksWhole() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(3).nextBytes(big);
        byte[][] parts = {"part one, ".getBytes(UTF_8), "part two, ".getBytes(UTF_8), big};

        // The server waits before its end: only the end, not a lull after the last chunk, completes the reply.
        var outcome = AnswerAtTheEnd.askWithAPauseBeforeTheEnd("everything, please".getBytes(UTF_8), parts);

        byte[] returned = outcome.replyReturned();
        byte[] whole = concat(parts);
        assertThat(returned)
                .withFailMessage("ask returned %s of the reply: one read returns one chunk, not the whole reply; "
                        + "read until -1", returned == null ? "null" : difference(returned, whole))
                .isEqualTo(whole);
        outcome.assertReturnedOnlyAtTheEnd();
    }

    @Test
    @Points(5)
    void keepsReadingWhileTheServerPausesBeforeItsEnd() throws Exception {
        byte[][] parts = {"first half, ".getBytes(UTF_8), "second half".getBytes(UTF_8)};

        var outcome = AnswerAtTheEnd.askWithAPauseBeforeTheLastPart("both halves, please".getBytes(UTF_8), parts);

        byte[] returned = outcome.replyReturned();
        byte[] whole = concat(parts);
        assertThat(returned)
                .withFailMessage("ask returned %s of the reply %s, while the server paused before the last part: "
                        + "a pause is not the end, the reply is complete only when the server ends its side (-1)",
                        returned == null ? "null" : difference(returned, whole), describe(whole))
                .isEqualTo(whole);
    }

    @Test
    @Points(1)
    void returnsAnEmptyReplyWhenTheServerSendsNothing() throws Exception {
        byte[][] noParts = {};

        var outcome = AnswerAtTheEnd.ask("anyone?".getBytes(UTF_8), noParts);

        byte[] returned = outcome.replyReturned();
        assertThat(returned)
                .withFailMessage("ask returned %s; the server sent nothing and ended its side, so the reply is an empty array",
                        described(returned))
                .isNotNull()
                .isEmpty();
    }

    @Test
    @Points(1)
    void throwsWhenTheConnectionIsRefused() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            byte[] request = "hello?".getBytes(UTF_8);

            Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(Wire.PROMPT,
                    () -> RequestReply.ask(refusing, request)));

            assertThat(thrown)
                    .withFailMessage(thrown == null
                            ? "ask returned normally although the server refused the connection: "
                                    + "it must let the IOException through, not catch it"
                            : "ask threw " + describe(thrown) + " when the connection was refused; it must throw an IOException")
                    .isInstanceOf(IOException.class);
        });
    }
}
