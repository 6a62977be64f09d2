package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Terminal;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the lesson page's "Run it", what the server and the clients print when run as the
 * page runs them, each in a terminal of its own. The server listens on a port the system chooses;
 * the transcripts show it as the default port, which the page's commands use.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunItTranscriptsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Pattern BOUND_TO = Pattern.compile("server bound to .*:(\\d+)$");
    private static final Pattern DISCONNECTED = Pattern.compile("client disconnected");

    @Test
    void recordsTheServerAndBothClients() throws Exception {
        try (var server = Terminal.start(Server.class, "--port=0")) {
            int port = Integer.parseInt(server.awaitLine(BOUND_TO, BOUND).group(1));

            int clientStatus;
            int callbackStatus;
            try (var client = Terminal.start(Client.class, "--port=" + port)) {
                clientStatus = client.awaitExit(BOUND);
                server.awaitLine(DISCONNECTED, BOUND);
                Transcripts.write("run-client.txt", client.linesWithPort(port, Server.DEFAULT_PORT));
            }
            try (var callbackClient = Terminal.start(CallbackClient.class, "--port=" + port)) {
                callbackStatus = callbackClient.awaitExit(BOUND);
                server.awaitLine(DISCONNECTED, BOUND);
                Transcripts.write("run-callback-client.txt", callbackClient.linesWithPort(port, Server.DEFAULT_PORT));
            }
            Transcripts.write("run-server.txt", server.linesWithPort(port, Server.DEFAULT_PORT));

            assertThat(clientStatus).isZero();
            assertThat(callbackStatus).isZero();
        }
    }
}
