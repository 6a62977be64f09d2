package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson05.FrameTooLargeException;
import tcpcourse.lesson05.LengthPrefix;
import tcpcourse.lesson05.Server;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "5.2", title = "A request/response client over frames")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FrameClientTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * How long a server holds back the rest of an answer. A client that returns meanwhile took
     * the part that had arrived for the whole answer: on loopback a part arrives in microseconds,
     * so a client that is waiting has long read it when the rest follows.
     */
    private static final Duration HOLD = Duration.ofSeconds(1);

    /** How long a request may take once the server has sent all it will send: far more than loopback needs. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(4);

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    /** The bytes as text if they are short text, else their size. */
    private static String shown(byte[] answer) {
        if (answer == null) {
            return "null";
        }
        return answer.length <= 40 ? "\"" + new String(answer, UTF_8) + "\" (" + answer.length + " bytes)"
                : answer.length + " bytes";
    }

    /** Sends {@code request} with a client of its own to {@code server}, on a thread of its own. */
    private static CompletableFuture<byte[]> requestOnce(OneClientServer server, int maximum, byte[] request) {
        return Bounded.start("client", () -> {
            try (var client = FrameClient.connect(server.address(), maximum)) {
                return client.request(request);
            }
        });
    }

    /** What a request gave: its answer, or what it threw. */
    private static Object outcome(CompletableFuture<byte[]> client, OneClientServer server, String stuck) throws Exception {
        try {
            return Bounded.awaitWhile(server.done(), client, OneClientServer.REQUEST_WAIT.plus(ANSWER_WAIT), () -> stuck);
        } catch (UnsupportedOperationException | AssertionError notAnOutcome) {
            throw notAnOutcome; // an unwritten stub, or what the server found wrong
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    /** Whether {@code client} finishes within {@link #HOLD}, with an answer or a failure. */
    private static boolean finishesWithinTheHold(CompletableFuture<byte[]> client) throws InterruptedException {
        try {
            client.get(HOLD.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException failed) {
            return true;
        } catch (TimeoutException stillWaiting) {
            return false;
        }
    }

    /**
     * A server that reads a request, then sends {@code parts} one after the other and holds each
     * but the last back until the client has had {@link #HOLD} to return; {@code sentWhenDone}
     * gets how many bytes at most had been sent when the client returned.
     */
    private static OneClientServer sendingInParts(List<byte[]> parts, CompletableFuture<byte[]> client,
            AtomicInteger sentWhenDone) throws IOException {
        var sent = new AtomicInteger();
        client.whenComplete((answer, failure) -> sentWhenDone.set(sent.get()));
        return OneClientServer.start((connection, fromClient, toClient) -> {
            OneClientServer.readRequest(fromClient);
            for (int i = 0; i < parts.size(); i++) {
                sent.addAndGet(parts.get(i).length); // counted first: the client cannot have more
                try {
                    toClient.write(parts.get(i));
                    toClient.flush();
                } catch (IOException clientGone) {
                    return; // it returned and closed the connection: the test says what it returned
                }
                if (i < parts.size() - 1 && finishesWithinTheHold(client)) {
                    return; // the client did not wait for the rest: the test says so
                }
            }
            OneClientServer.awaitEnd(fromClient, "the client never closed the connection");
        });
    }

    /** A frame, length and bytes, cut at {@code cuts} (offsets in the whole frame). */
    private static List<byte[]> frameCutAt(byte[] payload, int... cuts) {
        byte[] frame = new byte[4 + payload.length];
        frame[0] = (byte) (payload.length >>> 24);
        frame[1] = (byte) (payload.length >>> 16);
        frame[2] = (byte) (payload.length >>> 8);
        frame[3] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        var parts = new ArrayList<byte[]>();
        int from = 0;
        for (int cut : cuts) {
            parts.add(Arrays.copyOfRange(frame, from, cut));
            from = cut;
        }
        parts.add(Arrays.copyOfRange(frame, from, frame.length));
        return parts;
    }

    @Test
    @Points(1)
    void sendsEachRequestAsItsLengthThenItsBytes() throws Exception {
        byte[] expected = {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'};
        try (var server = OneClientServer.start((connection, fromClient, toClient) -> {
            byte[] received = receive(fromClient, expected.length);
            if (!Arrays.equals(received, expected)) {
                throw new AssertionError(received.length < expected.length
                        ? "for request(\"hello\") the server got only [" + hex(received) + "] within "
                                + OneClientServer.REQUEST_WAIT.toSeconds() + " s; a frame leaves a buffered stream only "
                                + "when you flush it"
                        : "for request(\"hello\") the server got [" + hex(received) + "]; a request frame is its "
                                + "length in 4 bytes, big-endian, then its bytes: [" + hex(expected) + "]");
            }
            toClient.write(frameCutAt(bytes("world")).get(0)); // one write: the answer arrives whole
            OneClientServer.awaitEnd(fromClient, "the client never closed the connection");
        })) {
            var client = requestOnce(server, 100, bytes("hello"));

            byte[] answer = Bounded.awaitWhile(server.done(), client, OneClientServer.REQUEST_WAIT.plus(ANSWER_WAIT),
                    () -> "request(\"hello\") had no answer " + ANSWER_WAIT.toSeconds() + " s after the server sent it");

            assertThat(answer).withFailMessage("request(\"hello\") returned %s; the server answered \"world\"",
                    shown(answer)).isEqualTo(bytes("world"));
        }
    }

    /** Reads up to {@code count} bytes, each read bounded by the connection's timeout; fewer if they do not come. */
    private static byte[] receive(DataInputStream fromClient, int count) throws IOException {
        byte[] received = new byte[count];
        int filled = 0;
        try {
            while (filled < count) {
                int read = fromClient.read(received, filled, count - filled);
                if (read == -1) {
                    break;
                }
                filled += read;
            }
        } catch (SocketTimeoutException noMore) {
            // what came is all there is
        }
        return Arrays.copyOf(received, filled);
    }

    @Test
    @Points(1)
    void answersEachRequestInTurnOnOneConnection() throws Exception {
        byte[] everyByteValue = new byte[256];
        for (int i = 0; i < everyByteValue.length; i++) {
            everyByteValue[i] = (byte) i;
        }
        byte[] random = new byte[1000];
        new Random(9).nextBytes(random);
        var requests = List.of(bytes("ping"), new byte[0], bytes("pong"), everyByteValue, random, bytes("last"));
        var current = new AtomicInteger();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, QUIET)) {
            background.run(server::serve);

            List<byte[]> answers = Bounded.call(ANSWER_WAIT, () -> "request " + (current.get() + 1) + " of "
                    + requests.size() + " (" + shown(requests.get(current.get())) + ") had no answer after "
                    + ANSWER_WAIT.toSeconds() + " s: the lesson's server answers once the whole frame has arrived (flushed)",
                    () -> {
                        var received = new ArrayList<byte[]>();
                        try (var client = FrameClient.connect(server.localAddress(), LengthPrefix.DEFAULT_MAXIMUM)) {
                            for (byte[] request : requests) {
                                try {
                                    received.add(client.request(request));
                                } catch (IOException failed) {
                                    throw new AssertionError("request " + (current.get() + 1) + " of " + requests.size()
                                            + " (" + shown(request) + ") threw " + failed + "; requests go one after "
                                            + "the other on one connection, which stays open for the next", failed);
                                }
                                current.incrementAndGet();
                            }
                        }
                        return received;
                    });

            for (int i = 0; i < requests.size(); i++) {
                assertThat(answers.get(i)).withFailMessage("request %d of %d, %s, got %s back; the lesson's server "
                        + "echoes each frame", i + 1, requests.size(), shown(requests.get(i)), shown(answers.get(i)))
                        .isEqualTo(requests.get(i));
            }
        }
    }

    @Test
    @Points(3)
    void waitsForTheWholeAnswerWhenItArrivesInParts() throws Exception {
        byte[] expected = bytes("first|last");
        var parts = frameCutAt(expected, 2, 9); // inside the length, then inside the bytes
        var client = new CompletableFuture<byte[]>();
        var sentWhenDone = new AtomicInteger();
        try (var server = sendingInParts(parts, client, sentWhenDone)) {
            requestOnce(server, 100, bytes("tell me")).whenComplete((answer, failure) -> {
                if (failure != null) {
                    client.completeExceptionally(failure);
                } else {
                    client.complete(answer);
                }
            });

            Object outcome = outcome(client, server, "request had no answer " + ANSWER_WAIT.toSeconds()
                    + " s after the server had sent the whole answer");

            assertThat(outcome).withFailMessage(sentWhenDone.get() < 14
                    ? String.format("request %s when only %d of the answer's 14 bytes (a 4-byte length, then 10 bytes) "
                            + "had arrived, the rest held back %d s: one read is not one answer; read the whole length, "
                            + "then loop until all its bytes are in", returned(outcome), sentWhenDone.get(), HOLD.toSeconds())
                    : String.format("request %s; the answer was \"first|last\"", returned(outcome)))
                    .isInstanceOf(byte[].class).isEqualTo(expected);
        }
    }

    /** "returned ..." or "threw ...", for a message. */
    private static String returned(Object outcome) {
        if (outcome == null || outcome instanceof byte[]) {
            return "returned " + shown((byte[]) outcome);
        }
        return "threw " + outcome;
    }

    @Test
    @Points(2)
    void readsABigAnswerThatTakesManyReads() throws Exception {
        byte[] expected = new byte[300_000];
        new Random(5).nextBytes(expected);
        var parts = frameCutAt(expected, 4 + 299_000); // the last thousand bytes held back
        var client = new CompletableFuture<byte[]>();
        var sentWhenDone = new AtomicInteger();
        try (var server = sendingInParts(parts, client, sentWhenDone)) {
            requestOnce(server, LengthPrefix.DEFAULT_MAXIMUM, bytes("a big one")).whenComplete((answer, failure) -> {
                if (failure != null) {
                    client.completeExceptionally(failure);
                } else {
                    client.complete(answer);
                }
            });

            Object outcome = outcome(client, server, "request had no answer " + ANSWER_WAIT.toSeconds()
                    + " s after the server had sent the whole answer of 300000 bytes");

            assertThat(outcome).withFailMessage(sentWhenDone.get() < 300_004
                    ? String.format("request %s before the last 1000 bytes of a 300000-byte answer had been sent (held "
                            + "back %d s): a big answer takes many reads, and one read returns only what has arrived "
                            + "(128 KiB at most); loop until all its bytes are in", returned(outcome), HOLD.toSeconds())
                    : String.format("request %s; the answer was the 300000 bytes the server sent", returned(outcome)))
                    .isInstanceOf(byte[].class).isEqualTo(expected);
        }
    }

    @Test
    @Points(1)
    void refusesOnlyAnswersOverTheMaximumBeforeReadingThem() throws Exception {
        byte[] hundred = new byte[100];
        Arrays.fill(hundred, (byte) '*');

        Object exactlyTheMaximum = answerTo(new byte[] {0, 0, 0, 100}, hundred);
        Object oneOver = answerTo(new byte[] {0, 0, 0, 101}, new byte[0]);
        Object fourGibibytes = answerTo(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, new byte[0]);
        Object twoGibibytes = answerTo(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, new byte[0]);

        assertThat(exactlyTheMaximum).withFailMessage("an answer of exactly the maximum, 100 bytes: request %s; "
                + "only a longer answer is over the maximum", returned(exactlyTheMaximum)).isInstanceOf(byte[].class);
        assertThat(oneOver).withFailMessage("the server announced 101 bytes, over the maximum of 100: request %s; "
                + "expected a FrameTooLargeException", returned(oneOver)).isInstanceOf(FrameTooLargeException.class);
        assertThat(fourGibibytes).withFailMessage("the server announced FF FF FF FF, 4294967295 bytes: request %s; "
                + "the length is unsigned, over any maximum: expected a FrameTooLargeException",
                returned(fourGibibytes)).isInstanceOf(FrameTooLargeException.class);
        assertThat(twoGibibytes).withFailMessage("the server announced 7F FF FF FF, 2147483647 bytes: request %s; "
                + "check the length before you allocate anything: expected a FrameTooLargeException",
                returned(twoGibibytes)).isInstanceOf(FrameTooLargeException.class);
    }

    /**
     * What a request with a maximum of 100 gives when the server answers {@code header} then
     * {@code payload}, and then waits for the client to go.
     */
    private static Object answerTo(byte[] header, byte[] payload) throws Exception {
        String announced = hex(header);
        try (var server = OneClientServer.start((connection, fromClient, toClient) -> {
            OneClientServer.readRequest(fromClient);
            byte[] answer = Arrays.copyOf(header, header.length + payload.length);
            System.arraycopy(payload, 0, answer, header.length, payload.length);
            toClient.write(answer); // one write: what is sent arrives together
            toClient.flush();
            OneClientServer.awaitEnd(fromClient, "request was still waiting " + OneClientServer.REQUEST_WAIT.toSeconds()
                    + " s after the server announced [" + announced + "] and sent " + payload.length + " bytes, with a "
                    + "maximum of 100: refuse a length over the maximum as soon as it is read, without reading its bytes");
        })) {
            return outcome(requestOnce(server, 100, bytes("hello")), server, "request had not returned "
                    + ANSWER_WAIT.toSeconds() + " s after the server announced [" + announced + "]");
        }
    }

    @Test
    @Points(1)
    void saysWhenTheServerEndsBeforeTheWholeAnswer() throws Exception {
        Object endedBeforeAnswering = endingAfter(new byte[0]);
        Object endedInTheLength = endingAfter(new byte[] {0, 0});
        Object endedInTheBytes = endingAfter(new byte[] {0, 0, 0, 10, 'o', 'n', 'l', 'y'});

        assertThat(endedBeforeAnswering).withFailMessage("the server read the request and ended the connection "
                + "without answering: request %s; expected an EOFException, there is no answer",
                returned(endedBeforeAnswering)).isInstanceOf(EOFException.class);
        assertThat(endedInTheLength).withFailMessage("the server ended the connection after 2 bytes of the answer's "
                + "4-byte length: request %s; expected an EOFException", returned(endedInTheLength))
                .isInstanceOf(EOFException.class);
        assertThat(endedInTheBytes).withFailMessage("the server announced 10 bytes, sent 4 and ended the connection: "
                + "request %s; expected an EOFException", returned(endedInTheBytes)).isInstanceOf(EOFException.class);
    }

    /** What a request gives when the server reads it, sends {@code part} of an answer and ends the connection. */
    private static Object endingAfter(byte[] part) throws Exception {
        try (var server = OneClientServer.start((connection, fromClient, toClient) -> {
            OneClientServer.readRequest(fromClient);
            toClient.write(part);
            toClient.flush();
        })) {
            return outcome(requestOnce(server, 100, bytes("hello")), server, "request was still waiting "
                    + ANSWER_WAIT.toSeconds() + " s after the server had ended the connection");
        }
    }

    @Test
    @Points(1)
    void closeEndsTheConnectionBothWays() throws Exception {
        var wroteAfterTheEnd = new AtomicInteger();
        try (var server = OneClientServer.start((connection, fromClient, toClient) -> {
            OneClientServer.awaitEnd(fromClient, "after close() the server saw no end of the connection within "
                    + OneClientServer.REQUEST_WAIT.toSeconds() + " s: close() must close the socket");
            // A socket that is closed answers bytes that reach it with a reset: the next write fails.
            // One whose output only was shut down takes them; a bounded number, so none blocks.
            try {
                while (wroteAfterTheEnd.get() < 20_000) {
                    toClient.write('?');
                    wroteAfterTheEnd.incrementAndGet();
                }
            } catch (IOException resetByTheClosedSocket) {
                return;
            }
            throw new AssertionError("after close() the connection still took " + wroteAfterTheEnd.get() + " bytes "
                    + "from the server: close() ended only its output; close the socket itself");
        })) {

            Bounded.call(ANSWER_WAIT, () -> "close() had not returned after " + ANSWER_WAIT.toSeconds() + " s", () -> {
                FrameClient.connect(server.address(), 100).close();
                return null;
            });

            Bounded.await(server.done(), OneClientServer.REQUEST_WAIT.plus(ANSWER_WAIT),
                    () -> "the server was still writing " + ANSWER_WAIT.toSeconds() + " s after close()");
        }
    }
}
