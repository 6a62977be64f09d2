package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.Server.Mode;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

/**
 * Every error the tutorial names, triggered for real on this machine, and the one line the
 * lesson's client prints for it.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ErrorCasesTest {

    private final CapturedOutput out = new CapturedOutput();
    private final CapturedOutput err = new CapturedOutput();
    private final List<Duration> waits = new ArrayList<>();

    private int client(String... args) throws InterruptedException {
        return Client.run(args, waits::add, out.printStream(), err.printStream());
    }

    private int clientAgainst(Mode mode, String... args) throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, mode, new CapturedOutput().printStream())) {
            var serving = background.run(server::serve);
            var all = new ArrayList<>(List.of(args));
            all.add("--port=" + server.localAddress().getPort());
            return background.callWhile(serving, () -> client(all.toArray(String[]::new)));
        }
    }

    @Test
    void anUnknownHostIsReportedOnceAndNotRetried() throws Exception {
        // testkit/hosts knows only localhost: the name fails at once, with no DNS query.
        int status = client("--host=no-such-host.invalid", "--port=8124", "--retries=3");

        assertThat(status).isEqualTo(2);
        assertThat(err.lines()).containsExactly(
                "cannot connect to no-such-host.invalid:8124: unknown host (ENOTFOUND). Check the name.");
        assertThat(waits).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetriedWithBackoffThenReported() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            int status = client("--port=" + refusing.getPort(), "--retries=2");

            String refused = "cannot connect to 127.0.0.1:" + refusing.getPort()
                    + ": connection refused (ECONNREFUSED). Is the server running?";
            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).hasSize(5);
            assertThat(err.lines().get(0)).isEqualTo(refused);
            assertThat(err.lines().get(1)).matches("trying again in \\d+ ms");
            assertThat(err.lines().get(4)).isEqualTo(refused);
            assertThat(waits).hasSize(2);
        });
    }

    @Test
    void aConnectionNobodyAnswersTimesOut() throws Throwable {
        Loopback.withUnansweredPort(unanswered -> {
            long start = System.nanoTime();

            int status = client("--port=" + unanswered.getPort(), "--timeout=300", "--retries=0");

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).containsExactly(
                    "no answer from 127.0.0.1:" + unanswered.getPort() + " within 300 ms (ETIMEDOUT).");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        });
    }

    @Test
    void aConnectTheSystemGaveUpOnIsNotReportedAsTheClientsOwnTimeout() {
        // given: the system stopped resending its SYN before the client's own timeout, which
        // gives a ConnectException, not a SocketTimeoutException (ConnectGivesUpTest runs it)
        var settings = new Client.Settings("127.0.0.1", 8124, 0, Duration.ofSeconds(300));
        var givenUp = new ConnectException("Connection timed out");

        // when
        String line = Client.line(ErrorCode.of(givenUp), givenUp, settings);

        // then
        assertThat(line).isEqualTo("no answer from 127.0.0.1:8124: the system gave up on the handshake (ETIMEDOUT).");
    }

    @Test
    void aResetByTheServerIsReported() throws Exception {
        // The reset may even beat the end of connect(); either way it is one ECONNRESET, and with
        // no retries, one line.
        int status = clientAgainst(Mode.RESET, "--retries=0");

        assertThat(status).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString()
                .matches("the connection to 127\\.0\\.0\\.1:\\d+ was reset by the server \\(ECONNRESET\\)\\.");
    }

    @Test
    void aServerThatNeverAnswersTimesTheReadOut() throws Exception {
        int status = clientAgainst(Mode.SILENT, "--timeout=300");

        assertThat(status).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString()
                .matches("no answer from 127\\.0\\.0\\.1:\\d+ within 300 ms \\(ETIMEDOUT\\)\\.");
    }

    @Test
    void aServerThatClosesInTheMiddleOfALineIsReported() throws Exception {
        int status = clientAgainst(Mode.HALF_MESSAGE);

        assertThat(status).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().endsWith(
                "failed: the server ended the connection in the middle of a line, after 3 bytes: \"hel\"");
    }

    @Test
    void theWellBehavedServerCausesNoError() throws Exception {
        int status = clientAgainst(Mode.ECHO);

        assertThat(status).isZero();
        assertThat(err.lines()).isEmpty();
        assertThat(out.lines()).containsSubsequence("hello", "world!", "disconnected from server");
    }

    @Test
    void writingAfterThePeerClosedIsABrokenPipe() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            server.close();

            // The first writes may still be accepted: the system learns that the peer is gone
            // only from the reset that answers them. Write until a write fails, within a bound.
            var failure = new IOException[1];
            await().atMost(Duration.ofSeconds(10)).until(() -> (failure[0] = writeFails(client)) != null);

            assertThat(ErrorCode.of(failure[0])).isEqualTo(ErrorCode.EPIPE);
        });
    }

    private static IOException writeFails(Socket connection) {
        try {
            connection.getOutputStream().write(new byte[1024]);
            return null;
        } catch (IOException failure) {
            return failure;
        }
    }

    @Test
    void aTimeoutOfZeroIsRefusedBecauseItWouldMeanWaitForEver() throws Exception {
        int status = client("--timeout=0");

        assertThat(status).isEqualTo(1);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("--timeout must be a number of milliseconds, 1 or more, not '0'");
    }

    @Test
    void everyFailedRunSaysWhyInOneLine() throws Exception {
        for (Mode mode : List.of(Mode.RESET, Mode.SILENT, Mode.HALF_MESSAGE)) {
            int linesBefore = err.lines().size();

            int status = clientAgainst(mode, "--timeout=500", "--retries=0");

            assertThat(status).as("exit status against --mode=%s", mode).isEqualTo(2);
            assertThat(err.lines().size() - linesBefore).as("lines said against --mode=%s", mode).isEqualTo(1);
        }
    }
}
