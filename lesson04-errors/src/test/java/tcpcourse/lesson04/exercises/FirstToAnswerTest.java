package tcpcourse.lesson04.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.lesson04.ErrorListener;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "4.2", title = "Connect to the first address that answers")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FirstToAnswerTest {

    private static final Duration EACH = Duration.ofMillis(300);
    private static final InetSocketAddress UNKNOWN = InetSocketAddress.createUnresolved("no-such-host.invalid", 80);
    private static final ErrorListener IGNORE = (code, failure) -> {};

    @Test
    @Points(3)
    void connectsToTheFirstAddressThatAnswersAfterSkippingEveryKindOfFailure() throws Throwable {
        Loopback.withRefusingPort(refusing -> Loopback.withUnansweredPort(unanswered -> {
            try (var listener = Loopback.listen()) {
                var listening = addressOf(listener);

                var outcome = Outcome.of(Outcome.PROMPTLY,
                        () -> FirstToAnswer.connect(List.of(UNKNOWN, refusing, unanswered, listening), EACH, IGNORE));

                try (var connection = outcome.value()) {
                    assertThat(connection != null && connection.getPort() == listening.getPort())
                            .withFailMessage("given an unknown host, a refused port, a port that never answers, then"
                                    + " a listening port %d (timeoutEach 300 ms), connect %s; expected a connection to"
                                    + " port %d: %s", listening.getPort(), outcome, listening.getPort(),
                                    adviceOn(outcome))
                            .isTrue();
                }
            }
        }));
    }

    @Test
    @Points(1)
    void tellsTheListenerOfEachFailureWithItsCodeInOrder() throws Throwable {
        var heard = new CopyOnWriteArrayList<ErrorCode>();
        Loopback.withRefusingPort(refusing -> Loopback.withUnansweredPort(unanswered -> {
            try (var listener = Loopback.listen()) {
                var candidates = List.of(UNKNOWN, refusing, unanswered, addressOf(listener));

                var outcome = Outcome.of(Outcome.PROMPTLY,
                        () -> FirstToAnswer.connect(candidates, EACH, (code, failure) -> heard.add(code)));

                try (var connection = outcome.value()) {
                    assertThat(heard)
                            .withFailMessage("given an unknown host, a refused port, a port that never answers, then"
                                    + " a listening one, the listener heard %s (and connect %s); expected"
                                    + " [ENOTFOUND, ECONNREFUSED, ETIMEDOUT]: tell it of each failure, with the code"
                                    + " ErrorCode.of gives, as it happens", heard, outcome)
                            .containsExactly(ErrorCode.ENOTFOUND, ErrorCode.ECONNREFUSED, ErrorCode.ETIMEDOUT);
                }
            }
        }));
    }

    @Test
    @Points(1)
    void tellsTheListenerOfAFailureBeforeTryingTheNextAddress() throws Throwable {
        var nextAlreadyTried = new CopyOnWriteArrayList<Boolean>();
        Loopback.withRefusingPort(refusing -> {
            try (var next = ServerSocketChannel.open()) {
                next.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
                next.configureBlocking(false); // accept() returns null at once if nobody has connected
                ErrorListener lookAtTheNextAddress = (code, failure) -> {
                    try (var early = next.accept()) {
                        nextAlreadyTried.add(early != null);
                    } catch (IOException unexpected) {
                        throw new UncheckedIOException(unexpected);
                    }
                };

                var outcome = Outcome.of(Outcome.PROMPTLY, () -> FirstToAnswer.connect(
                        List.of(refusing, (InetSocketAddress) next.getLocalAddress()), EACH, lookAtTheNextAddress));

                try (var connection = outcome.value()) {
                    assertThat(outcome.returned())
                            .withFailMessage("given a refused port, then a listening one, connect %s; expected a"
                                    + " connection to the listening one, after telling the listener of the refused"
                                    + " port", outcome)
                            .isTrue();
                    assertThat(nextAlreadyTried)
                            .withFailMessage(nextAlreadyTried.isEmpty()
                                    ? "given a refused port, then a listening one, the listener heard nothing (and"
                                            + " connect " + outcome + "); tell it of the refused port before you try"
                                            + " the next address"
                                    : "given a refused port, then a listening one, the listener heard of the refused"
                                            + " port only after connect had connected to the next one; tell it of"
                                            + " each failure as it happens, before you try the next address")
                            .containsExactly(false);
                }
            }
        });
    }

    @Test
    @Points(2)
    void throwsOneExceptionThatCarriesEveryFailureInOrderWhenNoneAnswers() throws Throwable {
        Loopback.withRefusingPort(refusing -> Loopback.withUnansweredPort(unanswered -> {
            var outcome = Outcome.of(Outcome.PROMPTLY,
                    () -> FirstToAnswer.connect(List.of(refusing, unanswered, UNKNOWN), EACH, IGNORE));

            try (var connection = outcome.value()) {
                List<String> carried = outcome.thrown() == null ? List.of()
                        : Arrays.stream(outcome.thrown().getSuppressed()).map(f -> f.getClass().getSimpleName()).toList();
                assertThat(outcome.thrown() instanceof IOException && carried.equals(List.of(
                        ConnectException.class.getSimpleName(), SocketTimeoutException.class.getSimpleName(),
                        UnknownHostException.class.getSimpleName())))
                        .withFailMessage("given a refused port, a port that never answers and an unknown host, connect"
                                + " %s%s; expected one IOException with every failure, in order, as a suppressed"
                                + " exception: [ConnectException, SocketTimeoutException, UnknownHostException]",
                                outcome, outcome.thrown() == null ? "" : ", carrying " + carried)
                        .isTrue();
            }
        }));
    }

    @Test
    @Points(1)
    void stopsAtTheFirstAddressThatAnswers() throws Exception {
        var heard = new CopyOnWriteArrayList<ErrorCode>();
        try (var first = ServerSocketChannel.open(); var second = ServerSocketChannel.open()) {
            first.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
            second.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
            second.configureBlocking(false);
            var firstAddress = (InetSocketAddress) first.getLocalAddress();

            var outcome = Outcome.of(Outcome.PROMPTLY, () -> FirstToAnswer.connect(
                    List.of(firstAddress, (InetSocketAddress) second.getLocalAddress()), EACH,
                    (code, failure) -> heard.add(code)));

            try (var connection = outcome.value(); var atTheSecond = second.accept()) {
                assertThat(connection != null && connection.getPort() == firstAddress.getPort())
                        .withFailMessage("given two listening addresses, connect %s; expected a connection to the"
                                + " first, port %d", outcome, firstAddress.getPort())
                        .isTrue();
                assertThat(heard)
                        .withFailMessage("the first address answered, yet the listener heard %s; it hears failures"
                                + " only", heard)
                        .isEmpty();
                assertThat(atTheSecond)
                        .withFailMessage("the first address answered, yet connect also connected to the second; try"
                                + " no address after the one that answers")
                        .isNull();
            }
        }
    }

    @Test
    @Points(1)
    void returnsTheConnectionOpenForTheCallerToUse() throws Exception {
        try (var listener = Loopback.listen()) {
            var outcome = Outcome.of(Outcome.PROMPTLY,
                    () -> FirstToAnswer.connect(List.of(addressOf(listener)), EACH, IGNORE));

            try (var connection = outcome.value()) {
                assertThat(connection != null && connection.isConnected() && !connection.isClosed())
                        .withFailMessage(connection != null && connection.isClosed()
                                ? "connect returned a closed socket; it is the caller's to use and close, so do not"
                                        + " close it in connect (a try-with-resources around it closes it)"
                                : "given one listening address, connect " + outcome + "; expected a connected socket")
                        .isTrue();
                connection.getOutputStream().write("ping".getBytes(UTF_8));
                try (var accepted = listener.accept()) {
                    accepted.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                    assertThat(new String(accepted.getInputStream().readNBytes(4), UTF_8))
                            .as("what the listening side received through the returned connection")
                            .isEqualTo("ping");
                }
            }
        }
    }

    @Test
    @Points(1)
    void treatsATimeoutUnderAMillisecondAsAMillisecondNotAsNoLimit() throws Throwable {
        Loopback.withUnansweredPort(unanswered -> {
            var outcome = Outcome.of(Outcome.PROMPTLY,
                    () -> FirstToAnswer.connect(List.of(unanswered), Duration.ofNanos(500_000), IGNORE));

            try (var connection = outcome.value()) {
                assertThat(outcome.thrown())
                        .withFailMessage("given one port that never answers and timeoutEach of 0.5 ms, connect %s;"
                                + " expected an IOException at once%s", outcome, outcome.finished() ? ""
                                : ": 0.5 ms is 0 in whole milliseconds, and a connect timeout of 0 means no limit")
                        .isInstanceOf(IOException.class);
            }
        });
    }

    /** What to change, for a call that should have connected. */
    private static String adviceOn(Outcome<Socket> outcome) {
        if (!outcome.finished()) {
            return "each address may take only timeoutEach before you try the next";
        }
        if (outcome.thrown() != null) {
            return "a failed address is one more failure to report, not a reason to stop; try the next";
        }
        return "return the connection to the first address that accepts";
    }

    private static InetSocketAddress addressOf(ServerSocket listener) {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }
}
