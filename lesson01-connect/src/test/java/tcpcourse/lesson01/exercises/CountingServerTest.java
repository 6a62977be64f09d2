package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "1.3", title = "A server that counts its clients")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CountingServerTest {

    private static String firstLineFrom(InetSocketAddress server) throws IOException {
        try (var connection = Loopback.connect(server)) {
            return new BufferedReader(new InputStreamReader(connection.getInputStream(), UTF_8)).readLine();
        }
    }

    @Test
    @Points(2)
    void greetsEachClientWithItsNumber() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = new CountingServer(listener);
            var serving = background.run(server::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            String first = background.callWhile(serving, () -> firstLineFrom(address));
            String second = background.callWhile(serving, () -> firstLineFrom(address));
            String third = background.callWhile(serving, () -> firstLineFrom(address));

            assertThat(first).isEqualTo("you are client number 1");
            assertThat(second).isEqualTo("you are client number 2");
            assertThat(third).isEqualTo("you are client number 3");
        }
    }

    @Test
    @Points(1)
    void countsTheClientsItAccepted() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = new CountingServer(listener);
            var serving = background.run(server::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            background.callWhile(serving, () -> firstLineFrom(address));
            background.callWhile(serving, () -> firstLineFrom(address));

            await().atMost(Duration.ofSeconds(10)).until(server::clientsServed, count -> count == 2);
        }
    }

    @Test
    @Points(1)
    void stopsWhenTheListenerIsClosed() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = new CountingServer(listener);
            var serving = background.run(server::serve);

            listener.close();

            serving.get(10, TimeUnit.SECONDS); // returns normally: no exception, no hang
            assertThat(serving).isDone();
        }
    }

    @Test
    @Points(1)
    void keepsServingAfterAClientResets() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = new CountingServer(listener);
            var serving = background.run(server::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            try (var rude = new Socket(address.getAddress(), address.getPort())) {
                rude.setSoLinger(true, 0); // close() now sends a reset (RST) instead of a FIN
            }
            String next = background.callWhile(serving, () -> firstLineFrom(address));

            assertThat(next).matches("you are client number \\d+");
            assertThat(serving).isNotDone();
        }
    }
}
