package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static tcpcourse.lesson03.exercises.CountingServer.answerLine;
import static tcpcourse.lesson03.exercises.CountingServer.countOf;
import static tcpcourse.lesson03.exercises.CountingServer.endTheRequest;
import static tcpcourse.lesson03.exercises.CountingServer.send;
import static tcpcourse.lesson03.exercises.Wire.describe;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson03.exercises.Wire.Received;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "3.3", title = "A server that answers at the end")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ByteCountServerTest {

    private static final String CLIENT = "the client";

    @Test
    @Points(1)
    void answersTheNumberOfBytesNotOfCharacters() throws Exception {
        try (var server = new CountingServer()) {
            byte[] accented = "héllo".getBytes(UTF_8); // 6 bytes, 5 characters

            String answer = server.whileServing(() -> {
                try (var client = server.connect()) {
                    return countOf(client, accented, CLIENT);
                }
            });

            assertThat(answer)
                    .withFailMessage("the server answered %s to a client that sent \"héllo\" (6 bytes in UTF-8) and ended; "
                            + "expected \"6\\n\"", describe(answer.getBytes(UTF_8)))
                    .isEqualTo("6\n");
        }
    }

    @Test
    @Points(1)
    void answersZeroWhenTheClientEndsWithoutSending() throws Exception {
        try (var server = new CountingServer()) {
            byte[] nothing = new byte[0];

            String answer = server.whileServing(() -> {
                try (var client = server.connect()) {
                    return countOf(client, nothing, CLIENT);
                }
            });

            assertThat(answer)
                    .withFailMessage("the server answered %s to a client that sent nothing and ended; expected \"0\\n\"",
                            describe(answer.getBytes(UTF_8)))
                    .isEqualTo("0\n");
        }
    }

    @Test
    @Points(5)
    void answersOnlyAtTheClientsEndWithEveryByteCounted() throws Exception {
        record Seen(Received beforeTheEnd, String answer) {}
        try (var server = new CountingServer()) {
            byte[] firstPart = "not finished".getBytes(UTF_8);
            byte[] megabyte = new byte[1 << 20];
            int total = firstPart.length + 3 * megabyte.length; // far more than one read returns

            Seen seen = server.whileServing(() -> {
                try (var client = server.connect()) {
                    send(client, firstPart, CLIENT);
                    // A correct server sends nothing here, so this wait always runs out.
                    Received beforeTheEnd = Wire.readLine(client, Wire.QUIET);
                    if (beforeTheEnd.bytes().length > 0 || beforeTheEnd.ended()) {
                        return new Seen(beforeTheEnd, null);
                    }
                    for (int i = 0; i < 3; i++) {
                        send(client, megabyte, CLIENT);
                    }
                    endTheRequest(client, CLIENT);
                    return new Seen(beforeTheEnd, answerLine(client, CLIENT));
                }
            });

            byte[] early = seen.beforeTheEnd().bytes();
            assertThat(early.length == 0 && !seen.beforeTheEnd().ended())
                    .withFailMessage("the server %s while the client had sent \"not finished\" and not ended its side: "
                            + "it must read until the client's end (-1) before it answers",
                            early.length > 0 ? "answered " + describe(early) : "ended the connection")
                    .isTrue();
            assertThat(seen.answer())
                    .withFailMessage("the server answered %s to a client that sent \"not finished\", paused, sent %d bytes "
                            + "more in many chunks and ended; expected \"%d\\n\": add up what each read returns until -1",
                            describe(seen.answer().getBytes(UTF_8)), total - firstPart.length, total)
                    .isEqualTo(total + "\n");
        }
    }

    @Test
    @Points(1)
    void closesTheConnectionAfterTheAnswer() throws Exception {
        // A collection now leaves nothing to collect during the test, so that no socket the server
        // forgot to close is closed for it by the garbage collector while the client waits.
        System.gc();
        try (var server = new CountingServer()) {
            byte[] request = "anything".getBytes(UTF_8);

            Received afterTheAnswer = server.whileServing(() -> {
                try (var client = server.connect()) {
                    countOf(client, request, CLIENT);
                    return Wire.readUpTo(client, 1);
                }
            });

            assertThat(afterTheAnswer.bytes())
                    .withFailMessage("after its answer the server sent %s: it must send the count and \\n, nothing else",
                            describe(afterTheAnswer.bytes()))
                    .isEmpty();
            assertThat(afterTheAnswer.ended())
                    .withFailMessage("the server answered but did not close the connection: the client waited %s for "
                            + "the end after the answer", Wire.seconds(Wire.PROMPT))
                    .isTrue();
        }
    }

    @Test
    @Points(1)
    void servesSeveralClientsAtOnceEachWithItsOwnCount() throws Exception {
        try (var server = new CountingServer()) {
            int clients = 10;

            List<String> answers = server.whileServing(() -> {
                List<Socket> connected = new ArrayList<>();
                try {
                    // All ten connect and send, none has ended: each must be read on its own.
                    for (int bytes = 1; bytes <= clients; bytes++) {
                        var client = server.connect();
                        connected.add(client);
                        send(client, new byte[bytes], "client " + bytes);
                    }
                    // The last to connect ends first: a server that serves one client at a time never gets to it.
                    List<String> received = new ArrayList<>();
                    for (int bytes = clients; bytes >= 1; bytes--) {
                        var client = connected.get(bytes - 1);
                        String who = "client " + bytes;
                        endTheRequest(client, who);
                        try {
                            received.add(0, answerLine(client, who));
                        } catch (AssertionError noAnswer) {
                            throw new AssertionError("client " + bytes + " of " + clients + " ended while the others were "
                                    + "still connected, and got no answer: serve each client on a thread of its own, so "
                                    + "that no client waits for another (" + noAnswer.getMessage() + ")", noAnswer);
                        }
                    }
                    return received;
                } finally {
                    for (var client : connected) {
                        client.close();
                    }
                }
            });

            for (int bytes = 1; bytes <= clients; bytes++) {
                String answer = answers.get(bytes - 1);
                assertThat(answer)
                        .withFailMessage("client %d sent %d bytes while %d other clients were connected, and was answered %s: "
                                + "each connection needs a count of its own", bytes, bytes, clients - 1,
                                describe(answer.getBytes(UTF_8)))
                        .isEqualTo(bytes + "\n");
            }
        }
    }

    @Test
    @Points(1)
    void servesUntilTheListenerIsClosedThenReturns() throws Exception {
        try (var server = new CountingServer()) {
            server.whileServing(() -> {
                try (var first = server.connect()) {
                    return countOf(first, new byte[3], "the first client");
                }
            });
            server.whileServing(() -> {
                try (var second = server.connect()) {
                    return countOf(second, new byte[3], "the second client");
                } catch (AssertionError noAnswer) {
                    throw new AssertionError("the second client, after the first had its answer, got none: serve must "
                            + "keep accepting until the listener is closed (" + noAnswer.getMessage() + ")", noAnswer);
                }
            });
            boolean servingBeforeTheClose = !server.serving().isDone();

            server.closeListener();
            Throwable failure = null;
            boolean returned = false;
            try {
                server.serving().get(Wire.PROMPT.toMillis(), TimeUnit.MILLISECONDS);
                returned = true;
            } catch (ExecutionException thrown) {
                failure = thrown.getCause();
            } catch (TimeoutException stillServing) {
                // Told below.
            }

            assertThat(servingBeforeTheClose)
                    .withFailMessage("serve returned after two clients, before the listener was closed: "
                            + "it must keep accepting clients until then")
                    .isTrue();
            if (failure != null) {
                fail("serve threw %s when the listener was closed; it must return", describe(failure));
            }
            assertThat(returned)
                    .withFailMessage("serve did not return within %s after the listener was closed", Wire.seconds(Wire.PROMPT))
                    .isTrue();
        }
    }
}
