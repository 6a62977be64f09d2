package tcpcourse.lesson03;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.testkit.Terminal;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the lesson page's "Run it", what the server and the client print when run as the
 * page runs them, each in a terminal of its own. The server listens on a port the system chooses;
 * the transcripts show it as the default port.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunItTranscriptsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void recordsTheServerAndTheClient() throws Exception {
        try (var server = Terminal.start(Server.class, "--port=0")) {
            int port = Integer.parseInt(server.awaitLine(Pattern.compile("server bound to .*:(\\d+)$"), BOUND).group(1));

            int status;
            try (var client = Terminal.start(Client.class, "--port=" + port)) {
                status = client.awaitExit(BOUND);
                server.awaitLine(Pattern.compile("client ended"), BOUND);
                Transcripts.write("run-client.txt", client.linesWithPort(port, Endpoints.DEFAULT_PORT));
            }
            Transcripts.write("run-server.txt", server.linesWithPort(port, Endpoints.DEFAULT_PORT));

            assertThat(status).isZero();
        }
    }
}
