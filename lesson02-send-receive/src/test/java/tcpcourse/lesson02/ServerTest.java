package tcpcourse.lesson02;

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
    void greetsThenEchoesUntilTheClientEnds() throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background(); var server = Server.listen("127.0.0.1", 0, log.printStream())) {
            var serving = background.run(server::serve);

            byte[] received = background.callWhile(serving, () -> {
                try (var connection = Loopback.connect(server.localAddress())) {
                    connection.getOutputStream().write("one\r\n".getBytes(UTF_8));
                    connection.getOutputStream().write("two\r\n".getBytes(UTF_8));
                    connection.shutdownOutput();
                    return connection.getInputStream().readAllBytes();
                }
            });

            assertThat(new String(received, UTF_8)).isEqualTo("hello\r\none\r\ntwo\r\n");
        }
    }

    @Test
    void logsEachChunkAndTheTotal() throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background(); var server = Server.listen("127.0.0.1", 0, log.printStream())) {
            var serving = background.run(server::serve);

            background.callWhile(serving, () -> {
                try (var connection = Loopback.connect(server.localAddress())) {
                    connection.getOutputStream().write("0123456789".getBytes(UTF_8));
                    connection.shutdownOutput();
                    return connection.getInputStream().readAllBytes();
                }
            });

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.lines())
                    .anyMatch(line -> line.matches("received \\d+ bytes from 127\\.0\\.0\\.1:\\d+"))
                    .anyMatch(line -> line.matches("client disconnected: 127\\.0\\.0\\.1:\\d+ \\(10 bytes in all\\)")));
        }
    }

    @Test
    void saysWhyItCannotListenOnAPortInUse() throws Exception {
        try (var taken = Loopback.listen()) {
            var out = new CapturedOutput();
            var err = new CapturedOutput();

            int status = Server.run(new String[] {"--port=" + taken.getLocalPort()}, out.printStream(), err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).singleElement().asString()
                    .startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .contains("Is another server running there?");
        }
    }
}
