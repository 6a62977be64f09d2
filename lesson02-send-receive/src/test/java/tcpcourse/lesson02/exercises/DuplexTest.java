package tcpcourse.lesson02.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "2.2", title = "A full-duplex copy")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DuplexTest {

    private static final String AT_ONCE = "copy both directions at the same time, each on a thread of its own";

    /**
     * client <-> [left  Duplex  right] <-> server, all on loopback: the relay under test runs in
     * the background; the test plays the client and the server.
     */
    record Relay(Background background, Socket client, Socket left, Socket right, Socket server,
            CompletableFuture<Duplex.Copied> copying) {

        /** Runs {@code step} while the relay runs; fails, saying what was expected, if it does not happen promptly. */
        <T> T step(String expected, String advice, Callable<T> step) throws Exception {
            return Bounded.step(background, new Bounded.UnderTest("copyBothWays", copying), expected, advice, step);
        }

        /** Sends {@code text} from the client, and waits for the server to have all of it. */
        void clientSays(String text, String advice) throws Exception {
            byte[] sent = text.getBytes(UTF_8);
            client.getOutputStream().write(sent);
            byte[] received = step("the client's " + Bounded.show(sent) + " to reach the server", advice,
                    () -> server.getInputStream().readNBytes(sent.length));
            assertThat(received)
                    .withFailMessage("the server got %s; the client sent %s", Bounded.show(received), Bounded.show(sent))
                    .isEqualTo(sent);
        }

        /** Sends {@code text} from the server, and waits for the client to have all of it. */
        void serverSays(String text, String advice) throws Exception {
            byte[] sent = text.getBytes(UTF_8);
            server.getOutputStream().write(sent);
            byte[] received = step("the server's " + Bounded.show(sent) + " to reach the client", advice,
                    () -> client.getInputStream().readNBytes(sent.length));
            assertThat(received)
                    .withFailMessage("the client got %s; the server sent %s", Bounded.show(received), Bounded.show(sent))
                    .isEqualTo(sent);
        }
    }

    @FunctionalInterface
    interface RelayBody {
        void accept(Relay relay) throws Exception;
    }

    private static void withRelay(RelayBody body) throws Exception {
        try (var background = new Background();
                var clientSide = Loopback.listen();
                var serverSide = Loopback.listen();
                var client = Loopback.connect((InetSocketAddress) clientSide.getLocalSocketAddress());
                var left = clientSide.accept();
                var right = Loopback.connect((InetSocketAddress) serverSide.getLocalSocketAddress());
                var server = serverSide.accept()) {
            // The relay's own sockets, left and right, wait as long as their peers do: no timeout.
            right.setSoTimeout(0);
            server.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
            var copying = background.call(() -> Duplex.copyBothWays(left, right));
            body.accept(new Relay(background, client, left, right, server, copying));
        }
    }

    @Test
    @Points(3)
    void copiesEachAnswerBackWhileTheClientIsStillConnected() throws Exception {
        withRelay(relay -> {
            // given a relay, and a client that keeps its side open
            for (int round = 1; round <= 3; round++) {
                // when the client asks and waits for the answer, which the server sends at once
                relay.clientSays("ping " + round + "\r\n", "the server is still connected too, so " + AT_ONCE);
                // then the answer comes back while the client is still connected
                relay.serverSays("pong " + round + "\r\n", "the client is still connected and waits for this"
                        + " answer before it says more, so " + AT_ONCE);
            }
        });
    }

    @Test
    @Points(2)
    void copiesWhatTheServerSaysBeforeTheClientSaysAnything() throws Exception {
        withRelay(relay -> {
            // given a relay, and a client that says nothing

            // when the server greets first, then
            relay.serverSays("hello\r\n", "the server may speak first, while nothing comes from the client, so "
                    + AT_ONCE);
        });
    }

    @Test
    @Points(1)
    void copiesBinaryDataBothWaysByteForByte() throws Exception {
        // given 2 MiB of random bytes each way (not text: any byte value, any line ending); a prime
        // number of them, so that no loop that writes whole buffers can get the count right
        byte[] up = new byte[2_097_169];
        byte[] down = new byte[2_097_169];
        new Random(1).nextBytes(up);
        new Random(2).nextBytes(down);
        withRelay(relay -> {
            var background = relay.background();
            // when both ends write at the same time, while both read; the client ends its side when
            // it has written everything, the server only once it has read the client's end
            var clientReading = background.call(() -> relay.client().getInputStream().readAllBytes());
            var serverReading = background.call(() -> relay.server().getInputStream().readAllBytes());
            background.run(() -> {
                relay.client().getOutputStream().write(up);
                relay.client().shutdownOutput();
            });
            background.run(() -> {
                relay.server().getOutputStream().write(down);
                serverReading.get();
                relay.server().shutdownOutput();
            });
            byte[] atServer = relay.step("the client's 2 MiB and its end to reach the server", "",
                    () -> serverReading.get());
            byte[] atClient = relay.step("the server's 2 MiB and its end to reach the client", "",
                    () -> clientReading.get());
            var copied = Bounded.outcomeOf(relay.copying());

            // then each side got exactly what the other sent, and the relay ended cleanly
            assertThat(Arrays.equals(atServer, up))
                    .withFailMessage("the server got %s bytes that differ from the %s bytes the client sent, from byte"
                            + " %s on: copy the bytes as they came, not as text", atServer.length, up.length,
                            Arrays.mismatch(atServer, up))
                    .isTrue();
            assertThat(Arrays.equals(atClient, down))
                    .withFailMessage("the client got %s bytes that differ from the %s bytes the server sent, from byte"
                            + " %s on: copy the bytes as they came, not as text", atClient.length, down.length,
                            Arrays.mismatch(atClient, down))
                    .isTrue();
            assertThat(copied.ended())
                    .withFailMessage("copyBothWays was still running %s s after both sides had sent everything and"
                            + " ended", Bounded.PROMPTLY.toSeconds())
                    .isTrue();
            assertThat(copied.failure())
                    .withFailMessage("copyBothWays threw %s after both sides had sent everything and ended",
                            copied.failure() == null ? "" : Bounded.describe(copied.failure()))
                    .isNull();
        });
    }

    @Test
    @Points(1)
    void passesTheEndOnAndKeepsCopyingTheOtherWay() throws Exception {
        withRelay(relay -> {
            // given a client that says its last words and ends its side (a half-close)
            relay.client().getOutputStream().write("last words".getBytes(UTF_8));
            relay.client().shutdownOutput();

            // when the server reads to the end, then answers late
            byte[] atServer = relay.step("the client's last words, then its end, to reach the server",
                    "when a side ends, end the stream toward the other side with shutdownOutput",
                    () -> relay.server().getInputStream().readAllBytes());
            assertThat(new String(atServer, UTF_8)).withFailMessage("the server got %s before the end; the client sent"
                    + " \"last words\"", Bounded.show(atServer)).isEqualTo("last words");
            relay.serverSays("a late answer", "after one side ends, keep copying the other way: end only that"
                    + " direction (shutdownOutput), not the whole socket (close)");

            // then the late answer reached the client (checked by serverSays)
        });
    }

    @Test
    @Points(1)
    void returnsHowMuchWentEachWayAndClosesNothingOnceBothHaveEnded() throws Exception {
        withRelay(relay -> {
            // given a client that sends 8 bytes and ends, then a server that sends 15 and ends
            relay.client().getOutputStream().write("8 bytes!".getBytes(UTF_8));
            relay.client().shutdownOutput();
            relay.step("the client's 8 bytes and its end to reach the server", "",
                    () -> relay.server().getInputStream().readAllBytes());
            relay.server().getOutputStream().write("fifteen bytes!!".getBytes(UTF_8));
            relay.server().shutdownOutput();
            relay.step("the server's 15 bytes and its end to reach the client", "",
                    () -> relay.client().getInputStream().readAllBytes());

            // when both directions have ended
            var copied = Bounded.outcomeOf(relay.copying());

            // then
            assertThat(copied.ended())
                    .withFailMessage("copyBothWays was still running %s s after both sides had ended",
                            Bounded.PROMPTLY.toSeconds())
                    .isTrue();
            assertThat(copied.failure())
                    .withFailMessage("copyBothWays threw %s after both sides had ended cleanly",
                            copied.failure() == null ? "" : Bounded.describe(copied.failure()))
                    .isNull();
            assertThat(copied.value())
                    .withFailMessage("copyBothWays returned %s; 8 bytes went from left to right (client to server)"
                            + " and 15 from right to left", copied.value())
                    .isEqualTo(new Duplex.Copied(8, 15));
            assertThat(relay.left().isClosed() || relay.right().isClosed())
                    .withFailMessage("copyBothWays closed %s socket after a clean end; only a failure closes them,"
                            + " otherwise they are the caller's", relay.left().isClosed() ? "the left" : "the right")
                    .isFalse();
        });
    }

    @Test
    @Points(1)
    void failsAndClosesBothSocketsWhenTheClientResets() throws Exception {
        withRelay(relay -> {
            // given a relay that has copied both ways, between a client and a server that now say nothing
            warmUp(relay);

            // when the client's connection is reset
            relay.client().setSoLinger(true, 0);
            relay.client().close();

            // then the relay fails, and lets go of the silent server too
            assertFailsAndClosesBoth(relay, "the client's connection was reset");
        });
    }

    @Test
    @Points(1)
    void failsAndClosesBothSocketsWhenTheServerResets() throws Exception {
        withRelay(relay -> {
            // given a relay that has copied both ways, between a server and a client that now say nothing
            warmUp(relay);

            // when the server's connection is reset
            relay.server().setSoLinger(true, 0);
            relay.server().close();

            // then the relay fails, and lets go of the silent client too
            assertFailsAndClosesBoth(relay, "the server's connection was reset");
        });
    }

    /** One exchange each way, so that both directions are surely copying when a test goes on. */
    private static void warmUp(Relay relay) throws Exception {
        relay.clientSays("hi", "the server is still connected too, so " + AT_ONCE);
        relay.serverSays("hi", "the client is still connected too, so " + AT_ONCE);
    }

    private static void assertFailsAndClosesBoth(Relay relay, String what) throws InterruptedException {
        var outcome = Bounded.outcomeOf(relay.copying());
        assertThat(outcome.ended())
                .withFailMessage("copyBothWays was still running %s s after %s: when one direction fails, close both"
                        + " sockets, so that the other direction stops waiting too, and throw",
                        Bounded.PROMPTLY.toSeconds(), what)
                .isTrue();
        assertThat(outcome.failure())
                .withFailMessage("copyBothWays returned %s after %s; a broken relay must throw the IOException",
                        outcome.value(), what)
                .isNotNull();
        assertThat(outcome.failure())
                .withFailMessage("copyBothWays threw %s after %s; it must throw an IOException",
                        Bounded.describe(outcome.failure()), what)
                .isInstanceOf(IOException.class);
        assertThat(relay.left().isClosed())
                .withFailMessage("copyBothWays threw after %s but left the left socket (toward the client) open;"
                        + " close both", what)
                .isTrue();
        assertThat(relay.right().isClosed())
                .withFailMessage("copyBothWays threw after %s but left the right socket (toward the server) open;"
                        + " close both", what)
                .isTrue();
    }
}
