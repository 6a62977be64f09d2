package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.Server.Mode;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.NodeProgram;

/** The tutorial's Node.js client, with its 'error' handler, against each misbehaving mode. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodePeersTest {

    private static final Path NODE_CLIENT = Path.of("src/test/node/tutorial-client.js");
    private static final String HOSTS = Path.of("../testkit/hosts").toString();
    private static final Duration WAIT = Duration.ofSeconds(15);

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
        assertThat(nodeClient("no-such-host.invalid", 80)).containsExactly("error ENOTFOUND");
    }

    @Test
    void reportsARefusedConnectionAsECONNREFUSED() throws Throwable {
        Loopback.withRefusingPort(refusing ->
                assertThat(nodeClient("127.0.0.1", refusing.getPort())).containsExactly("error ECONNREFUSED"));
    }

    @Test
    void reportsAResetAsECONNRESET() throws Exception {
        var output = nodeClientAgainst(Mode.RESET);

        assertThat(output).startsWith("connected to server!", "data \"hello\\r\\n\"").hasSize(3);
        // Measured here: Node 20 reports most resets as ECONNRESET, but about one in three only as
        // an 'end', when its event loop sees the reset as a hang-up. The page's table says so.
        assertThat(output.get(2)).isIn("error ECONNRESET", "end");
    }

    @Test
    void seesATimeoutEventFromASilentServer() throws Exception {
        assertThat(nodeClientAgainst(Mode.SILENT)).containsExactly("connected to server!", "timeout");
    }

    @Test
    void seesHalfAMessageThenAnEndWithNoError() throws Exception {
        assertThat(nodeClientAgainst(Mode.HALF_MESSAGE)).containsExactly("connected to server!", "data \"hel\"", "end");
    }

    @Test
    void talksToTheWellBehavedServer() throws Exception {
        assertThat(nodeClientAgainst(Mode.ECHO)).first().isEqualTo("connected to server!");
    }
}
