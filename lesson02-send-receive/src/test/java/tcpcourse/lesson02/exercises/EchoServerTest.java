package tcpcourse.lesson02.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "2.3", title = "An echo server for many clients at once")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EchoServerTest {

    private static final String THREAD_EACH = "serve each connection on a thread of its own, and go straight back"
            + " to accept the next";

    /**
     * A loopback listener that keeps every connection it accepts. A connection the server never
     * closes would otherwise be closed by the JDK once it is garbage (its cleaner closes the file
     * descriptor), on some runs and not others; kept here, it stays open, as it does in a server
     * that runs for days.
     */
    private static final class KeepingListener extends ServerSocket {
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        KeepingListener() throws IOException {
            super(0, 50, Loopback.ADDRESS);
        }

        @Override
        public Socket accept() throws IOException {
            Socket connection = super.accept();
            accepted.add(connection);
            return connection;
        }

        /** Closes what the server left open, once a test is over. */
        void closeAccepted() throws IOException {
            for (Socket connection : accepted) {
                connection.close();
            }
        }
    }

    /** The server under test, serving in the background on a loopback listener. */
    record Serving(Background background, ServerSocket listener, Thread thread, CompletableFuture<Void> serving) {

        /**
         * Waits, a bounded time, until serve is blocked in accept again, or has ended: only then is
         * what closing the listener does the same on every run.
         */
        void awaitBackInAccept() {
            try {
                await().atMost(Bounded.PROMPTLY).until(() -> serving.isDone() || Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals(ServerSocket.class.getName())
                                && frame.getMethodName().equals("accept")));
            } catch (ConditionTimeoutException neverBack) {
                // The checks that follow say what serve does instead.
            }
        }

        /** A new client, with a read timeout. */
        Socket connect() throws Exception {
            return Loopback.connect((InetSocketAddress) listener.getLocalSocketAddress());
        }

        /** Runs {@code step} while the server serves; fails, saying what was expected, if it does not happen promptly. */
        <T> T step(String expected, String advice, Callable<T> step) throws Exception {
            return Bounded.step(background, new Bounded.UnderTest("serve", serving), expected, advice, step);
        }

        /** Sends {@code sent} from {@code client} and checks that exactly the same bytes come back. */
        void assertEchoes(Socket client, String who, byte[] sent, String advice) throws Exception {
            client.getOutputStream().write(sent);
            byte[] echo = step("the echo of " + Bounded.show(sent) + " to reach " + who, advice,
                    () -> client.getInputStream().readNBytes(sent.length));
            assertThat(echo)
                    .withFailMessage("%s got %s back; it sent %s", who, Bounded.show(echo), Bounded.show(sent))
                    .isEqualTo(sent);
        }

        /**
         * Sends {@code sent} from {@code client}, ends the client's side, and checks that exactly
         * the same bytes come back (the server's end is left to another test).
         */
        void assertEchoesAfterItsEnd(Socket client, String who, byte[] sent, String advice) throws Exception {
            client.getOutputStream().write(sent);
            client.shutdownOutput();
            byte[] echo = step("the echo of " + Bounded.show(sent) + " to reach " + who + ", which had ended its side",
                    advice, () -> client.getInputStream().readNBytes(sent.length));
            assertThat(echo)
                    .withFailMessage("%s got %s back; it sent %s", who, Bounded.show(echo), Bounded.show(sent))
                    .isEqualTo(sent);
        }
    }

    @FunctionalInterface
    interface ServingBody {
        void accept(Serving server) throws Exception;
    }

    private static void withServer(ServingBody body) throws Exception {
        try (var background = new Background(); var listener = new KeepingListener()) {
            var server = new EchoServer(listener);
            var thread = new CompletableFuture<Thread>();
            var serving = background.run(() -> {
                thread.complete(Thread.currentThread());
                server.serve();
            });
            try {
                body.accept(new Serving(background, listener,
                        thread.get(Bounded.PROMPTLY.toMillis(), TimeUnit.MILLISECONDS), serving));
            } finally {
                listener.closeAccepted();
            }
        }
    }

    @Test
    @Points(3)
    void servesTwentyClientsAtOnce() throws Exception {
        withServer(server -> {
            // given twenty clients, all connected, none saying anything yet
            var clients = new ArrayList<Socket>();
            try {
                for (int i = 0; i < 20; i++) {
                    clients.add(server.connect());
                }

                // when each in turn, the last to connect first, says something and ends its side, then
                for (int i = clients.size() - 1; i >= 0; i--) {
                    server.assertEchoesAfterItsEnd(clients.get(i), "client " + (i + 1) + " of 20",
                            ("client " + (i + 1) + "\n").getBytes(UTF_8),
                            THREAD_EACH + "; the clients that connected before this one are still connected");
                }
            } finally {
                for (var client : clients) {
                    client.close();
                }
            }
        });
    }

    @Test
    @Points(2)
    void aSilentClientDoesNotHoldUpTheNextOne() throws Exception {
        withServer(server -> {
            // given a client that connects and says nothing, and stays connected
            try (var silent = server.connect(); var talker = server.connect()) {
                // when another client connects after it, says something and ends its side, then
                server.assertEchoesAfterItsEnd(talker, "the second client", "anyone there?".getBytes(UTF_8),
                        THREAD_EACH + "; the first client is still connected and says nothing");
            }
        });
    }

    @Test
    @Points(1)
    void echoesTheExactBytesItReceives() throws Exception {
        withServer(server -> {
            // given UTF-8 text with a \r\n line end, followed by bytes that are not text at all
            var bytes = new ByteArrayOutputStream();
            bytes.write("héllo, wörld\r\n".getBytes(UTF_8));
            bytes.write(new byte[] {0x00, (byte) 0xFF, (byte) 0xC3, '\n', (byte) 0x80, '\r', 'x'});

            // when a client sends them in one write and ends its side, then
            try (var client = server.connect()) {
                server.assertEchoesAfterItsEnd(client, "the client", bytes.toByteArray(), "send back the bytes as they came:"
                        + " no decoding into text, no line end added or removed, nothing waits for a line end");
            }
        });
    }

    @Test
    @Points(1)
    void echoesEachPartAsItArrivesUntilTheClientEnds() throws Exception {
        withServer(server -> {
            // given a client that waits for each echo before it says more, and keeps its side open
            try (var client = server.connect()) {
                // when it sends one part, then another, then each comes back
                server.assertEchoes(client, "the client", "part one".getBytes(UTF_8),
                        "send back each chunk as soon as it arrives: the client has not ended its side,"
                                + " and waits for this echo before it says more");
                server.assertEchoes(client, "the client", "part two".getBytes(UTF_8),
                        "keep echoing until the client ends its side: one read is not the whole conversation");
            }
        });
    }

    @Test
    @Points(1)
    void keepsServingAfterAClientResets() throws Exception {
        withServer(server -> {
            // given a client that sends something, then resets its connection
            try (var rude = server.connect()) {
                rude.getOutputStream().write("half a mess".getBytes(UTF_8));
                rude.setSoLinger(true, 0); // close() now sends a reset, not a FIN
            }

            // when another client connects, says something and ends its side, then it is served
            try (var polite = server.connect()) {
                server.assertEchoesAfterItsEnd(polite, "a client that came after a reset", "still there?".getBytes(UTF_8),
                        "a failed connection costs only that client: catch its IOException on its own thread"
                                + " and go on serving");
            }
        });
    }

    @Test
    @Points(1)
    void closesTheConnectionOnceTheClientHasEnded() throws Exception {
        withServer(server -> {
            // given a client that says bye and ends its side (a half-close)
            try (var client = server.connect()) {
                client.getOutputStream().write("bye".getBytes(UTF_8));
                client.shutdownOutput();

                // when it reads until the server's end
                byte[] everything = server.step("the echo of \"bye\", then the server's end, to reach the client",
                        "once the client has ended its side, close that connection",
                        () -> client.getInputStream().readAllBytes());

                // then
                assertThat(everything)
                        .withFailMessage("the client got %s before the server's end; it sent \"bye\"",
                                Bounded.show(everything))
                        .isEqualTo("bye".getBytes(UTF_8));
            }
        });
    }

    @Test
    @Points(1)
    void returnsOnceTheListenerIsClosed() throws Exception {
        withServer(server -> {
            // given a server that has served a client
            try (var client = server.connect()) {
                server.assertEchoesAfterItsEnd(client, "the client", "ping".getBytes(UTF_8), "");
            }

            // when its listener is closed, while serve waits in accept for the next client
            server.awaitBackInAccept();
            server.listener().close();
            var served = Bounded.outcomeOf(server.serving());

            // then serve returns, without throwing
            assertThat(served.ended())
                    .withFailMessage("serve was still running %s s after its listener was closed: once accept fails"
                            + " because the listener is closed, return", Bounded.PROMPTLY.toSeconds())
                    .isTrue();
            assertThat(served.failure())
                    .withFailMessage("serve threw %s once its listener was closed; closing the listener is how the"
                            + " caller stops the server, so return normally",
                            served.failure() == null ? "" : Bounded.describe(served.failure()))
                    .isNull();
        });
    }
}
