package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.NodeProgram;

/** Lesson 1's Java programs against the tutorial's own Node.js programs, over real sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodePeersTest {

    private static final Path NODE_SERVER = Path.of("src/test/node/tutorial-server.js");
    private static final Path NODE_CLIENT = Path.of("src/test/node/tutorial-client.js");
    private static final Path NODE_CONNECT_EVENT_CLIENT = Path.of("src/test/node/connect-event-client.js");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void javaClientTalksToTheTutorialsNodeServer() throws Exception {
        try (var nodeServer = NodeProgram.start(NODE_SERVER, "0")) {
            String bound = nodeServer.awaitLine(line -> line.startsWith("server bound to "), WAIT);
            int port = Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1));
            var out = new CapturedOutput();
            var err = new CapturedOutput();

            int status = Client.run(new String[] {"--port=" + port}, out.printStream(), err.printStream());

            assertThat(status).isZero();
            assertThat(out.lines()).contains("hello", "world!", "disconnected from server");
            nodeServer.awaitLine("client connected"::equals, WAIT);
            nodeServer.awaitLine("client disconnected"::equals, WAIT);
        }
    }

    @Test
    void tutorialsNodeClientTalksToTheJavaServer() throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, log.printStream(), log.printStream())) {
            background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            try (var nodeClient = NodeProgram.start(NODE_CLIENT, port, "127.0.0.1")) {
                var output = nodeClient.awaitExit(WAIT);

                assertThat(nodeClient.exitValue()).isZero();
                assertThat(output.get(0)).isEqualTo("connected to server!");
                assertThat(output.get(1)).isEqualTo("hello"); // the first 'data' event starts with the greeting
                assertThat(output).last().isEqualTo("disconnected from server");
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(log.lines())
                    .anyMatch(line -> line.startsWith("client connected: 127.0.0.1:"))
                    .anyMatch(line -> line.startsWith("client disconnected: 127.0.0.1:")));
        }
    }

    @Test
    void nodeClientWithAConnectListenerTalksToTheJavaServer() throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, new CapturedOutput().printStream(),
                        new CapturedOutput().printStream())) {
            background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            try (var nodeClient = NodeProgram.start(NODE_CONNECT_EVENT_CLIENT, port, "127.0.0.1")) {
                var output = nodeClient.awaitExit(WAIT);

                assertThat(nodeClient.exitValue()).isZero();
                assertThat(output.get(0)).isEqualTo("connected to server!");
                assertThat(output).last().isEqualTo("disconnected from server");
            }
        }
    }

    @Test
    void tutorialsNodeClientReportsARefusedConnection() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            try (var nodeClient = NodeProgram.start(NODE_CLIENT, String.valueOf(refusing.getPort()), "127.0.0.1")) {
                var output = nodeClient.awaitExit(WAIT);

                assertThat(nodeClient.exitValue()).isEqualTo(2);
                assertThat(output).containsExactly("cannot connect to 127.0.0.1:" + refusing.getPort() + ": ECONNREFUSED");
            }
        });
    }
}
