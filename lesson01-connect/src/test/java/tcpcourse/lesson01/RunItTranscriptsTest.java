package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Terminal;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the lesson page's "Run it", what the server and the clients print when run as the
 * page runs them, each in a terminal of its own, and, for its diagram of the handshake, the
 * addresses and lines of that run. The server listens on a port the system chooses;
 * the transcripts show it as the default port, which the page's commands use.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunItTranscriptsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Pattern BOUND_TO = Pattern.compile("server bound to .*:(\\d+)$");
    private static final Pattern DISCONNECTED = Pattern.compile("client disconnected");
    private static final Pattern CONNECTED = Pattern.compile("connected to server! (\\S+) -> (\\S+)");

    @Test
    void recordsTheServerAndBothClients() throws Exception {
        try (var server = Terminal.start(Server.class, "--port=0")) {
            int port = Integer.parseInt(server.awaitLine(BOUND_TO, BOUND).group(1));

            int clientStatus;
            int callbackStatus;
            List<String> clientLines;
            try (var client = Terminal.start(Client.class, "--port=" + port)) {
                clientStatus = client.awaitExit(BOUND);
                server.awaitLine(DISCONNECTED, BOUND);
                clientLines = client.linesWithPort(port, Server.DEFAULT_PORT);
                Transcripts.write("run-client.txt", clientLines);
            }
            try (var callbackClient = Terminal.start(CallbackClient.class, "--port=" + port)) {
                callbackStatus = callbackClient.awaitExit(BOUND);
                server.awaitLine(DISCONNECTED, BOUND);
                Transcripts.write("run-callback-client.txt", callbackClient.linesWithPort(port, Server.DEFAULT_PORT));
            }
            List<String> serverLines = server.linesWithPort(port, Server.DEFAULT_PORT);
            Transcripts.write("run-server.txt", serverLines);
            Transcripts.attributes("run.adoc", handshakeFacts(clientLines, serverLines));

            assertThat(clientStatus).isZero();
            assertThat(callbackStatus).isZero();
        }
    }

    /**
     * For the page's diagram of the handshake: both addresses, and the lines the client and the
     * server printed about the first client's connection.
     */
    private static Map<String, String> handshakeFacts(List<String> clientLines, List<String> serverLines) {
        var connected = CONNECTED.matcher(clientLines.get(0));
        assertThat(connected.matches()).as("the client's first line: %s", clientLines.get(0)).isTrue();
        String clientAddress = connected.group(1);
        var facts = new LinkedHashMap<String, String>();
        facts.put("run-client-address", clientAddress);
        facts.put("run-server-address", connected.group(2));
        // The words before the addresses: an arrow in an attribute reaches the diagram escaped.
        facts.put("run-client-connected", clientLines.get(0).substring(0, connected.start(1)).strip());
        facts.put("run-server-connected", lineAbout(serverLines, "client connected", clientAddress));
        facts.put("run-server-disconnected", lineAbout(serverLines, "client disconnected", clientAddress));
        return facts;
    }

    private static String lineAbout(List<String> lines, String event, String clientAddress) {
        return lines.stream().filter(line -> line.startsWith(event) && line.endsWith(clientAddress)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + event + "' for " + clientAddress + ": " + lines));
    }
}
