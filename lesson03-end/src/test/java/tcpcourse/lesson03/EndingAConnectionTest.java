package tcpcourse.lesson03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;

/**
 * The ways to end a connection side by side, on real loopback connections: what the peer sees
 * after {@code shutdownOutput()}, after {@code close()}, and after a reset.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EndingAConnectionTest {

    private static void awaitWaiting(Socket reader, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.getInputStream().available() == count);
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

            assertThatThrownBy(() -> client.getOutputStream().write(1))
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("shut");
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
            await().atMost(Duration.ofSeconds(10)).until(() -> writeFails(server));
        });
    }

    private static boolean writeFails(Socket connection) {
        try {
            connection.getOutputStream().write('?');
            return false;
        } catch (java.io.IOException reset) {
            return reset instanceof SocketException;
        }
    }

    @Test
    void lingerZeroResetsOnPurpose() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            client.setSoLinger(true, 0);
            client.close();

            assertThatThrownBy(() -> server.getInputStream().read())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        });
    }
}
