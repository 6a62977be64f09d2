package tcpcourse.lesson03;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    /** The code the lesson page says Node reports for the late answer, from the file the page includes. */
    private static final Path NODE_OUTCOMES = Path.of("src/test/resources/node-outcomes.adoc");
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
        var run = javaClientAgainstNode("true");

        assertThat(run.client()).containsSubsequence("hello", "received 18 bytes, goodbye", "server ended the connection");
        assertThat(run.answer()).isEqualTo("answer sent");
    }

    @Test
    void javaClientMissesTheLateAnswerOfANodeServerThatEndsWithTheClient() throws Exception {
        var run = javaClientAgainstNode("false");

        // Node ended its side as soon as ours ended: the answer it tried later never left, and
        // its write callback got the error the page names.
        assertThat(run.client()).containsSubsequence("hello", "server ended the connection");
        assertThat(run.client()).noneMatch(line -> line.startsWith("received"));
        assertThat(run.answer()).isEqualTo("answer not sent: " + pageValue("node-late-answer-error"));
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

    /** What the Java client printed, and what the Node server said of its answer. */
    private record HalfOpenRun(List<String> client, String answer) {}

    /** The value of {@code :name: value} in the Node outcomes file that the lesson page includes. */
    private static String pageValue(String name) throws Exception {
        return Files.readAllLines(NODE_OUTCOMES, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(":" + name + ": "))
                .map(line -> line.substring(name.length() + 3))
                .findFirst().orElseThrow(() -> new AssertionError(NODE_OUTCOMES + " has no :" + name + ":"));
    }

    private static HalfOpenRun javaClientAgainstNode(String allowHalfOpen) throws Exception {
        try (var nodeServer = NodeProgram.start(HALF_OPEN_SERVER, "0", allowHalfOpen)) {
            String bound = nodeServer.awaitLine(line -> line.startsWith("server bound to "), WAIT);
            String port = bound.substring(bound.lastIndexOf(':') + 1);
            var out = new CapturedOutput();
            var err = new CapturedOutput();

            int status = Client.run(new String[] {"--port=" + port}, out.printStream(), err.printStream());

            assertThat(status).isZero();
            assertThat(err.lines()).isEmpty();
            String answer = nodeServer.awaitLine(line -> line.startsWith("answer"), WAIT);
            return new HalfOpenRun(out.lines(), answer);
        }
    }
}
