package tcpcourse.lesson01.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "1.1", title = "Connect with a timeout")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimedConnectTest {

    /**
     * How long a connect that should end is given before the test calls it hung: ten times the
     * longest timeout the tests pass, and far less than the system's own limit of a minute or more.
     */
    private static final Duration HANG = Duration.ofSeconds(3);

    /**
     * When an abandoned attempt would show up: its SYN is sent again 1 s, 3 s and 7 s after the
     * first (an initial retransmission timeout of 1 s, doubled each time, RFC 6298).
     */
    private static final long[] SYN_AGAIN_MILLIS = {1000, 3000, 7000};

    /** How long after a SYN is due its handshake is given to complete on loopback. */
    private static final long HANDSHAKE_MARGIN_MILLIS = 750;

    /**
     * Calls connect on a thread of its own and returns what it threw. Fails the test if it is
     * still waiting after {@link #HANG} (saying {@code whyItMustEnd}), or if it returned instead
     * of throwing.
     */
    private static Throwable failureOfConnect(String host, int port, Duration timeout, String timeoutInWords,
            String whyItMustEnd) {
        Socket returned;
        try {
            returned = assertTimeoutPreemptively(HANG, () -> TimedConnect.connect(host, port, timeout),
                    () -> "connect with a timeout of " + timeoutInWords + " was still waiting after " + HANG.toSeconds()
                            + " s; " + whyItMustEnd);
        } catch (Exception thrown) {
            return thrown;
        }
        closeQuietly(returned);
        throw new AssertionError("connect to " + host + ":" + port + " with a timeout of " + timeoutInWords
                + " returned " + returned + " instead of throwing, although no connection could be made");
    }

    /** A failure as the student's own code would print it: type and message. */
    private static String thrown(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : " (\"" + failure.getMessage() + "\")");
    }

    private static void closeQuietly(Socket returned) {
        if (returned != null) {
            try {
                returned.close();
            } catch (IOException alreadyBroken) {
                // nothing more to free
            }
        }
    }

    @Test
    @Points(1)
    void returnsAnOpenConnectionToTheServer() throws Exception {
        try (var listener = Loopback.listen()) {
            var server = (InetSocketAddress) listener.getLocalSocketAddress();
            listener.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());

            try (var connection = TimedConnect.connect("127.0.0.1", server.getPort(), Duration.ofSeconds(5));
                    var accepted = listener.accept()) {
                accepted.getOutputStream().write('!');

                assertThat(connection).withFailMessage("connect returned null; it must return the connected socket")
                        .isNotNull();
                assertThat(connection.isClosed())
                        .withFailMessage("connect returned a closed socket; return it open, the caller closes it")
                        .isFalse();
                assertThat(connection.getPort())
                        .withFailMessage("the socket is connected to port %d, not to the server's port %d",
                                connection.getPort(), server.getPort())
                        .isEqualTo(server.getPort());
                assertThat(accepted.getPort())
                        .withFailMessage("the server accepted a connection from port %d, not from the returned socket's port %d",
                                accepted.getPort(), connection.getLocalPort())
                        .isEqualTo(connection.getLocalPort());
                connection.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                assertThat(connection.getInputStream().read())
                        .withFailMessage("a byte the server sent did not arrive on the returned socket")
                        .isEqualTo('!');
            }
        }
    }

    @Test
    @Points(1)
    void describesBothEnds() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            String expected = "127.0.0.1:" + client.getLocalPort() + " -> 127.0.0.1:" + server.getLocalPort();

            String description = TimedConnect.describe(client);

            assertThat(description)
                    .withFailMessage("describe gave \"%s\"; expected local -> remote, as address:port, \"%s\"",
                            description, expected)
                    .isEqualTo(expected);
        });
    }

    @Test
    @Points(3)
    void givesUpWhenNoAnswerComesWithinTheTimeout() throws Exception {
        try (var unanswered = HeldHandshakes.open()) {
            var timeout = Duration.ofMillis(300);
            long start = System.nanoTime();

            Throwable failure = failureOfConnect("127.0.0.1", unanswered.address().getPort(), timeout, "300 ms",
                    "it must give up once its timeout has passed, even when nobody answers");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure)
                    .withFailMessage("when nobody answers within 300 ms, connect must throw a SocketTimeoutException;"
                            + " it threw %s", thrown(failure))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(took)
                    .withFailMessage("connect gave up after %d ms, before its timeout of 300 ms had passed", took.toMillis())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    @Points(1)
    void givesUpWhenTheTimeoutIsUnderAMillisecond() throws Exception {
        try (var unanswered = HeldHandshakes.open()) {
            var halfAMillisecond = Duration.ofNanos(500_000);

            Throwable failure = failureOfConnect("127.0.0.1", unanswered.address().getPort(), halfAMillisecond, "0.5 ms",
                    "a timeout under 1 ms must not turn into 0 ms, which Socket.connect takes as 'wait for ever'");

            assertThat(failure)
                    .withFailMessage("with a timeout of 0.5 ms and nobody answering, connect must throw a"
                            + " SocketTimeoutException; it threw %s", thrown(failure))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Points(1)
    void givesUpWhenNoTimeIsLeft() throws Exception {
        try (var unanswered = HeldHandshakes.open()) {
            int port = unanswered.address().getPort();

            Throwable withZero = failureOfConnect("127.0.0.1", port, Duration.ZERO, "zero",
                    "no time left must not mean 'wait for ever' (Socket.connect takes 0 ms that way)");
            Throwable withNegative = failureOfConnect("127.0.0.1", port, Duration.ofMillis(-5), "-5 ms",
                    "no time left must not mean 'wait for ever'");

            assertThat(withZero)
                    .withFailMessage("with a timeout of zero (no time left) and nobody answering, connect must throw a"
                            + " SocketTimeoutException; it threw %s", thrown(withZero))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(withNegative)
                    .withFailMessage("with a timeout of -5 ms (no time left) and nobody answering, connect must throw a"
                            + " SocketTimeoutException; it threw %s", thrown(withNegative))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Points(1)
    void makesNoConnectionLaterAfterGivingUp() throws Exception {
        try (var unanswered = HeldHandshakes.open()) {
            long firstSyn = System.nanoTime();
            Throwable failure = failureOfConnect("127.0.0.1", unanswered.address().getPort(), Duration.ofMillis(300),
                    "300 ms", "it must give up once its timeout has passed, even when nobody answers");
            assertThat(failure)
                    .withFailMessage("when nobody answers within 300 ms, connect must throw a SocketTimeoutException;"
                            + " it threw %s", thrown(failure))
                    .isInstanceOf(SocketTimeoutException.class);

            // The server now has room: an attempt that still goes on gets through at its next SYN.
            unanswered.makeRoom();

            // Wait for the first SYN due after the room was made, however late that was, and no longer.
            long roomMadeAt = (System.nanoTime() - firstSyn) / 1_000_000;
            long nextSyn = java.util.Arrays.stream(SYN_AGAIN_MILLIS).filter(due -> due > roomMadeAt + 100).findFirst()
                    .orElse(SYN_AGAIN_MILLIS[SYN_AGAIN_MILLIS.length - 1]);
            long wait = Math.max(1, nextSyn + HANDSHAKE_MARGIN_MILLIS - roomMadeAt);
            try (var late = unanswered.acceptNext(Duration.ofMillis(wait))) {
                throw new AssertionError("a connection from port " + late.getPort() + " arrived after connect had given up:"
                        + " the attempt went on in the background; giving up must end it (close the socket)");
            } catch (SocketTimeoutException nothingArrived) {
                // As it must be: the attempt ended when connect gave up.
            }
        }
    }

    @Test
    @Points(1)
    void reportsARefusedConnection() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            Throwable failure = failureOfConnect("127.0.0.1", refusing.getPort(), Duration.ofSeconds(2), "2 s",
                    "a refused connection must end it at once");

            assertThat(failure)
                    .withFailMessage("when the server refuses the connection, connect must throw a ConnectException;"
                            + " it threw %s", thrown(failure))
                    .isInstanceOf(ConnectException.class);
        });
    }

    @Test
    @Points(1)
    void reportsAnUnknownHost() {
        // The tests resolve names from the course's hosts file, so this fails at once, with no DNS query.
        Throwable failure = failureOfConnect("no-such-host.invalid", 1, Duration.ofSeconds(2), "2 s",
                "a name that does not resolve must end it at once");

        assertThat(failure)
                .withFailMessage("for a host name that does not resolve, connect must throw an UnknownHostException;"
                        + " it threw %s", thrown(failure))
                .isInstanceOf(UnknownHostException.class);
    }
}
