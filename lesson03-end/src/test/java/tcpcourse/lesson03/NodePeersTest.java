package tcpcourse.lesson03;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.NodeProgram;

/** Lesson 3's Java programs against Node.js programs written the tutorial's way. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodePeersTest {

    private static final Path NODE_CLIENT = Path.of("src/test/node/tutorial-client.js");
    private static final Path HALF_OPEN_SERVER = Path.of("src/test/node/half-open-server.js");
    private static final Path FLOW_CONTROL_CLIENT = Path.of("src/test/node/flow-control.js");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern RETURNED_FALSE = Pattern.compile("write\\(\\) returned false after (\\d+) bytes; Node still holds (\\d+)");

    @Test
    void tutorialsNodeClientEndsWithDataAndGetsTheJavaServersAnswer() throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background(); var server = Server.listen("127.0.0.1", 0, log.printStream())) {
            background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            try (var nodeClient = NodeProgram.start(NODE_CLIENT, port, "127.0.0.1")) {
                var output = nodeClient.awaitExit(WAIT);

                assertThat(nodeClient.exitValue()).isZero();
                assertThat(output).containsExactly("connected to server!", "hello", "received 18 bytes, goodbye",
                        "server ended the connection");
            }
        }
    }

    @Test
    void javaClientGetsTheLateAnswerOfANodeServerThatAllowsHalfOpen() throws Exception {
        var output = javaClientAgainstNode("true");

        assertThat(output).containsSubsequence("hello", "received 18 bytes, goodbye", "server ended the connection");
    }

    @Test
    void javaClientMissesTheLateAnswerOfANodeServerThatEndsWithTheClient() throws Exception {
        var output = javaClientAgainstNode("false");

        // Node ended its side as soon as ours ended: the answer it tried later never left.
        assertThat(output).containsSubsequence("hello", "server ended the connection");
        assertThat(output).noneMatch(line -> line.startsWith("received"));
    }

    @Test
    void nodesWriteReturnsFalseWhileTheJavaPeerDoesNotReadAndDrainFollowsItsReading() throws Exception {
        try (var listener = Loopback.listen();
                var nodeClient = NodeProgram.start(FLOW_CONTROL_CLIENT, String.valueOf(listener.getLocalPort()));
                var connection = listener.accept()) {
            connection.setSoTimeout((int) WAIT.toMillis());

            // The Java side reads nothing until Node's write() has returned false.
            Matcher returnedFalse = RETURNED_FALSE.matcher(nodeClient.awaitLine(line -> RETURNED_FALSE.matcher(line).matches(), WAIT));
            assertThat(returnedFalse.matches()).isTrue();
            long handedOver = Long.parseLong(returnedFalse.group(1));
            long heldByNode = Long.parseLong(returnedFalse.group(2));
            long read = connection.getInputStream().transferTo(OutputStream.nullOutputStream());

            assertThat(heldByNode).isPositive(); // the system's buffers were full: Node kept the rest
            assertThat(read).isEqualTo(handedOver); // every byte arrived, once the Java side read
            nodeClient.awaitLine("drain: the system has taken every byte"::equals, WAIT);
            connection.shutdownOutput(); // Node's socket ends once both sides have ended
            assertThat(nodeClient.awaitExit(WAIT)).doesNotContain("cannot write");
        }
    }

    private static java.util.List<String> javaClientAgainstNode(String allowHalfOpen) throws Exception {
        try (var nodeServer = NodeProgram.start(HALF_OPEN_SERVER, "0", allowHalfOpen)) {
            String bound = nodeServer.awaitLine(line -> line.startsWith("server bound to "), WAIT);
            String port = bound.substring(bound.lastIndexOf(':') + 1);
            var out = new CapturedOutput();
            var err = new CapturedOutput();

            int status = Client.run(new String[] {"--port=" + port}, out.printStream(), err.printStream());

            assertThat(status).isZero();
            assertThat(err.lines()).isEmpty();
            nodeServer.awaitLine(line -> line.startsWith("answer"), WAIT);
            return out.lines();
        }
    }
}
