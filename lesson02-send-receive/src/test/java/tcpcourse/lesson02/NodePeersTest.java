package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.NodeProgram;

/** Lesson 2's Java programs against Node.js programs written the tutorial's way. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodePeersTest {

    private static final Path NODE_SERVER = Path.of("src/test/node/tutorial-server.js");
    private static final Path NODE_CLIENT = Path.of("src/test/node/tutorial-client.js");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void javaClientWritesAndReadsAtOnceWithTheTutorialsNodeServer() throws Exception {
        try (var nodeServer = NodeProgram.start(NODE_SERVER, "0")) {
            String bound = nodeServer.awaitLine(line -> line.startsWith("server bound to "), WAIT);
            String port = bound.substring(bound.lastIndexOf(':') + 1);
            var out = new CapturedOutput();
            var err = new CapturedOutput();
            var keyboard = new ByteArrayInputStream("world!\nsecond line, ünïcödé\n".getBytes(UTF_8));

            int status = Client.run(new String[] {"--port=" + port}, keyboard, out.printStream(), err.printStream());

            assertThat(status).isZero();
            assertThat(out.lines()).containsSubsequence(
                    "hello", "world!", "second line, ünïcödé", "server ended the connection", "disconnected from server");
            nodeServer.awaitLine("client disconnected"::equals, WAIT);
        }
    }

    @Test
    void tutorialsNodeClientGetsEveryLineBackFromTheJavaServer() throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background(); var server = Server.listen("127.0.0.1", 0, log.printStream())) {
            background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            try (var nodeClient = NodeProgram.start(NODE_CLIENT, port, "127.0.0.1", "world!", "ça va?", "€€€")) {
                var output = nodeClient.awaitExit(WAIT);

                assertThat(nodeClient.exitValue()).isZero();
                assertThat(output).first().isEqualTo("connected to server!");
                assertThat(output).anyMatch(line -> line.matches("data event: \\d+ bytes"));
                assertThat(output).contains("received \"hello\\r\\nworld!\\r\\nça va?\\r\\n€€€\\r\\n\"");
                assertThat(output).last().isEqualTo("disconnected from server");
            }
        }
    }
}
