package tcpcourse.lesson03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ServerTest {

    @Test
    void answersOnceTheClientHasEndedThenEnds() throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background(); var server = Server.listen("127.0.0.1", 0, log.printStream())) {
            var serving = background.run(server::serve);

            byte[] received = background.callWhile(serving, () -> {
                try (var connection = Loopback.connect(server.localAddress())) {
                    connection.getOutputStream().write("world!\r\ngoodbye!\r\n".getBytes(UTF_8));
                    connection.shutdownOutput();
                    return connection.getInputStream().readAllBytes();
                }
            });

            assertThat(new String(received, UTF_8)).isEqualTo("hello\r\nreceived 18 bytes, goodbye\r\n");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.lines())
                    .anyMatch(line -> line.matches("127\\.0\\.0\\.1:\\d+ said: world!"))
                    .anyMatch(line -> line.matches("client ended: 127\\.0\\.0\\.1:\\d+")));
        }
    }

    @Test
    void countsTheBytesItReceivedNotTheLinesItRebuilt() throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, new CapturedOutput().printStream())) {
            var serving = background.run(server::serve);
            // Lines ended by \n alone, a two-byte character, and a last line with no end at all: 14 bytes.
            byte[] request = "one\ntwo\né\nend".getBytes(UTF_8);

            byte[] received = background.callWhile(serving, () -> {
                try (var connection = Loopback.connect(server.localAddress())) {
                    connection.getOutputStream().write(request);
                    connection.shutdownOutput();
                    return connection.getInputStream().readAllBytes();
                }
            });

            assertThat(request).hasSize(14);
            assertThat(new String(received, UTF_8)).isEqualTo("hello\r\nreceived 14 bytes, goodbye\r\n");
        }
    }
}
