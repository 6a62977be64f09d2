package tcpcourse.lesson01.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "1.1", title = "Connect with a timeout")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TimedConnectTest {

    @Test
    @Points(2)
    void connectsToAListeningServer() throws Exception {
        try (var listener = Loopback.listen()) {
            var server = (InetSocketAddress) listener.getLocalSocketAddress();

            try (var connection = TimedConnect.connect("127.0.0.1", server.getPort(), Duration.ofSeconds(5));
                    var accepted = listener.accept()) {

                assertThat(connection.isConnected()).isTrue();
                assertThat(connection.getPort()).isEqualTo(server.getPort());
                assertThat(accepted.getPort()).isEqualTo(connection.getLocalPort());
            }
        }
    }

    @Test
    @Points(1)
    void describesBothEnds() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            String description = TimedConnect.describe(client);

            assertThat(description).isEqualTo(
                    "127.0.0.1:" + client.getLocalPort() + " -> 127.0.0.1:" + server.getLocalPort());
        });
    }

    @Test
    @Points(2)
    void givesUpWhenNoAnswerComesWithinTheTimeout() throws Throwable {
        Loopback.withUnansweredPort(unanswered -> {
            long start = System.nanoTime();

            assertThatThrownBy(() -> TimedConnect.connect("127.0.0.1", unanswered.getPort(), Duration.ofMillis(300)))
                    .isInstanceOf(SocketTimeoutException.class);
            // Without a timeout, connect would wait for the system's own limit: a minute or more.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        });
    }

    @Test
    @Points(1)
    void reportsARefusedConnection() throws Throwable {
        Loopback.withRefusingPort(refusing ->
                assertThatThrownBy(() -> TimedConnect.connect("127.0.0.1", refusing.getPort(), Duration.ofSeconds(5)))
                        .isInstanceOf(ConnectException.class));
    }
}
