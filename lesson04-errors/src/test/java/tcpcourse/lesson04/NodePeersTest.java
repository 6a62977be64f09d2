package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.Server.Mode;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.NodeProgram;

/**
 * The tutorial's Node.js client, with its 'error' handler, against each misbehaving mode, and
 * against an unreachable host in a network namespace of its own ({@link UnreachableNamespace}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodePeersTest {

    private static final Path NODE_CLIENT = Path.of("src/test/node/tutorial-client.js");
    private static final Path WRITE_AFTER_CLOSE = Path.of("src/test/node/write-after-close.js");
    private static final String HOSTS = Path.of("../testkit/hosts").toString();
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** What the page says Node reports, by case: the values this test holds the real client to. */
    private static final Map<String, String> PAGE = readOutcomes(Path.of("src/test/resources/node-outcomes.adoc"));

    private static Map<String, String> readOutcomes(Path file) {
        try {
            var outcomes = new java.util.HashMap<String, String>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var attribute = line.split(": ", 2);
                if (line.startsWith(":node-") && attribute.length == 2) {
                    outcomes.put(attribute[0].substring(":node-".length()), attribute[1]);
                }
            }
            return outcomes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String page(String key) {
        return java.util.Objects.requireNonNull(PAGE.get(key), () -> "node-outcomes.adoc has no :node-" + key + ":");
    }

    private static List<String> nodeClient(String host, int port) throws Exception {
        try (var node = NodeProgram.start(NODE_CLIENT, String.valueOf(port), host, HOSTS, "300")) {
            return node.awaitExit(WAIT);
        }
    }

    private static List<String> nodeClientAgainst(Mode mode) throws Exception {
        var output = new List<?>[1];
        ServerFixture.withServer(mode, address -> output[0] = nodeClient("127.0.0.1", address.getPort()));
        @SuppressWarnings("unchecked")
        var lines = (List<String>) output[0];
        return lines;
    }

    @Test
    void reportsAnUnknownHostAsENOTFOUND() throws Exception {
        assertThat(nodeClient("no-such-host.invalid", 80)).containsExactly("error " + page("unknown-host"));
    }

    @Test
    void reportsARefusedConnectionAsECONNREFUSED() throws Throwable {
        Loopback.withRefusingPort(refusing ->
                assertThat(nodeClient("127.0.0.1", refusing.getPort())).containsExactly("error " + page("connection-refused")));
    }

    @Test
    void seesATimeoutEventAndNoErrorWhenTheConnectIsNeverAnswered() throws Throwable {
        Loopback.withUnansweredPort(unanswered ->
                assertThat(nodeClient("127.0.0.1", unanswered.getPort())).containsExactly(page("connect-timeout")));
    }

    @Test
    void reportsAnUnreachableHostAsEHOSTUNREACH() throws Exception {
        var output = UnreachableNamespace.withNamespace(inNamespace -> {
            try (var node = NodeProgram.startThrough(inNamespace, NODE_CLIENT, "9", UnreachableNamespace.HOST, HOSTS, "300")) {
                return node.awaitExit(WAIT);
            }
        });

        assertThat(output).containsExactly("error " + page("host-unreachable"));
    }

    @Test
    void reportsAResetAsECONNRESET() throws Exception {
        var output = nodeClientAgainst(Mode.RESET);

        assertThat(output).startsWith("connected to server!", "data \"hello\\r\\n\"").hasSize(3);
        // Node reports most resets as ECONNRESET, but some only as an 'end', when its event loop
        // sees the reset as a hang-up. The page's table says so.
        assertThat(output.get(2)).isIn("error " + page("reset-by-the-peer"), "end");
    }

    @Test
    void reportsAWriteAfterThePeerClosedAsEPIPE() throws Exception {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); var background = new Background()) {
            // The peer accepts and closes at once: a write that reaches it is answered with a reset.
            var closing = background.run(() -> listener.accept().close());
            try (var node = NodeProgram.start(WRITE_AFTER_CLOSE, String.valueOf(listener.getLocalPort()))) {
                var output = node.awaitExit(WAIT);
                closing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(output).containsExactly("end", "error " + page("write-after-the-peer-closed"));
            }
        }
    }

    @Test
    void seesATimeoutEventFromASilentServer() throws Exception {
        assertThat(nodeClientAgainst(Mode.SILENT)).containsExactly("connected to server!", page("read-timeout"));
    }

    @Test
    void seesHalfAMessageThenAnEndWithNoError() throws Exception {
        assertThat(nodeClientAgainst(Mode.HALF_MESSAGE)).containsExactly(
                Stream.concat(Stream.of("connected to server!"), Arrays.stream(page("half-message").split(", then ")))
                        .toArray(String[]::new));
    }

    @Test
    void talksToTheWellBehavedServer() throws Exception {
        assertThat(nodeClientAgainst(Mode.ECHO)).first().isEqualTo("connected to server!");
    }
}
