package tcpcourse.lesson03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * The ways to end a connection side by side, on real loopback connections: what the peer sees
 * after {@code shutdownOutput()}, after {@code close()}, and after a reset. The messages of the
 * exceptions they met are recorded for the lesson page's table.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EndingAConnectionTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** What the tests met, by the page's attribute; the tests run one at a time, each on a thread of its own. */
    private static final Map<String, String> MESSAGES = new ConcurrentSkipListMap<>();

    @AfterAll
    static void recordTheMessagesForThePage() throws Exception {
        Transcripts.attributes("ending.adoc", MESSAGES);
    }

    private static void awaitWaiting(Socket reader, int count) {
        await().atMost(BOUND).until(() -> reader.getInputStream().available() == count);
    }

    @Test
    void afterAHalfCloseThePeerReadsTheEndAndCanStillAnswer() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.getOutputStream().write("question".getBytes(UTF_8));
            client.shutdownOutput();

            byte[] question = server.getInputStream().readAllBytes(); // -1 after the data: the end
            server.getOutputStream().write("answer".getBytes(UTF_8));
            server.shutdownOutput();
            byte[] answer = client.getInputStream().readAllBytes();

            assertThat(new String(question, UTF_8)).isEqualTo("question");
            assertThat(new String(answer, UTF_8)).isEqualTo("answer");
        });
    }

    @Test
    void afterAHalfCloseWritingIsAnError() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.shutdownOutput();

            var failure = catchThrowableOfType(SocketException.class, () -> client.getOutputStream().write(1));

            assertThat(failure).hasMessageContaining("shut");
            MESSAGES.put("half-closed-write-message", failure.getMessage());
        });
    }

    @Test
    void anOrderlyCloseLooksLikeAnEndToThePeer() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.getOutputStream().write("bye".getBytes(UTF_8));
            client.close();

            byte[] everything = server.getInputStream().readAllBytes();

            assertThat(new String(everything, UTF_8)).isEqualTo("bye");
        });
    }

    @Test
    void afterACloseThePeersWritesFailOnceTheResetComesBack() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.close();
            assertThat(server.getInputStream().read()).isEqualTo(-1);

            // The first write may still be accepted: the closed side answers it with a reset, and a
            // later write fails. Write until one does, within a bound.
            IOException failure = await().atMost(BOUND).until(() -> writeFailure(server), Optional::isPresent).orElseThrow();

            assertThat(failure).isInstanceOf(SocketException.class);
            MESSAGES.put("closed-write-message", failure.getMessage());
        });
    }

    @Test
    void closingWithUnreadDataResetsTheConnection() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            server.getOutputStream().write("you never read this".getBytes(UTF_8));
            awaitWaiting(client, 19);

            // Java's close() first ends our side (a FIN), then the system closes the socket. Data
            // the program never read is lost, and the system says so with a reset (RST).
            client.close();

            assertThat(server.getInputStream().read()).isEqualTo(-1); // the FIN: an end, as usual
            // The reset: the server's writes now fail. The first write may still be accepted
            // before the reset is seen, so write until one fails, within a bound.
            IOException failure = await().atMost(BOUND).until(() -> writeFailure(server), Optional::isPresent).orElseThrow();

            assertThat(failure).isInstanceOf(SocketException.class);
            MESSAGES.put("unread-closed-write-message", failure.getMessage());
        });
    }

    /** Writes one byte; the exception if the write failed, or empty if it was accepted. */
    private static Optional<IOException> writeFailure(Socket connection) {
        try {
            connection.getOutputStream().write('?');
            return Optional.empty();
        } catch (IOException failed) {
            return Optional.of(failed);
        }
    }

    @Test
    void lingerZeroResetsOnPurpose() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.setSoLinger(true, 0);
            client.close();

            var failure = catchThrowableOfType(SocketException.class, () -> server.getInputStream().read());

            assertThat(failure).hasMessageContaining("reset");
            MESSAGES.put("linger-zero-read-message", failure.getMessage());
        });
    }

    @Test
    void afterAResetThePeersWritesFail() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.setSoLinger(true, 0);
            client.close();

            // The reset may still be on its way when the first write is made: write until one
            // fails, within a bound.
            IOException failure = await().atMost(BOUND).until(() -> writeFailure(server), Optional::isPresent).orElseThrow();

            assertThat(failure).isInstanceOf(SocketException.class);
            MESSAGES.put("linger-zero-write-message", failure.getMessage());
        });
    }
}
