package tcpcourse.lesson05;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.NodeProgram;

/** A Node.js client that frames by hand, against the lesson's server, directly and through the relay. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodePeersTest {

    private static final Path NODE_CLIENT = Path.of("src/test/node/framing-client.js");

    @Test
    void nodeClientFramingByHandGetsEveryFrameBack() throws Exception {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, quiet);
                var relay = Relay.listen("127.0.0.1", 0, server.localAddress(), 3, quiet)) {
            background.run(server::serve);
            background.run(relay::serve);

            for (int port : new int[] {server.localAddress().getPort(), relay.localAddress().getPort()}) {
                try (var node = NodeProgram.start(NODE_CLIENT, String.valueOf(port), "127.0.0.1")) {
                    var output = node.awaitExit(Duration.ofSeconds(15));

                    assertThat(output).containsExactly("all 5 frames back unchanged");
                    assertThat(node.exitValue()).isZero();
                }
            }
        }
    }
}
