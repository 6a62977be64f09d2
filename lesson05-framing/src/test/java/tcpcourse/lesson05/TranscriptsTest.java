package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Transcripts;

/** Records, for the lesson page, the bytes of the naive client's frame, the relay's cuts, and real runs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TranscriptsTest {

    @Test
    void recordsTheNaiveFrameAndHowTheRelayCutsIt() throws Exception {
        byte[] payload = NaiveClient.message(1);
        byte[] frame = NaiveClient.frame(payload);
        // The first seed whose cuts split the frame both ways, as the page's diagram shows.
        long seed = 1;
        while (new Rechunker(seed).split(frame, frame.length).size() < 2
                || new Rechunker(~seed).split(frame, frame.length).size() < 2) {
            seed++;
        }
        var facts = new LinkedHashMap<String, Object>();
        facts.put("naive-payload-bytes", payload.length);
        facts.put("naive-frame-bytes", frame.length);
        facts.put("naive-frame-prefix", hex(frame, 0, 4));
        facts.put("naive-frame", render(frame, 0, frame.length));
        facts.put("cut-seed", seed);
        facts.put("cut-up", pieces(frame, new Rechunker(seed).split(frame, frame.length)));
        var down = new Rechunker(~seed).split(frame, frame.length);
        facts.put("cut-down", pieces(frame, down));
        facts.put("cut-down-first-bytes", down.get(0).length);
        facts.put("frame-maximum-bytes", LengthPrefix.DEFAULT_MAXIMUM);
        facts.put("frame-maximum", ServerTest.inUnits(LengthPrefix.DEFAULT_MAXIMUM));
        var allOnes = new java.io.DataInputStream(new java.io.ByteArrayInputStream(new byte[] {-1, -1, -1, -1}));
        try {
            LengthPrefix.readLength(allOnes, LengthPrefix.DEFAULT_MAXIMUM);
            throw new AssertionError("FF FF FF FF was taken as a length under the maximum");
        } catch (FrameTooLargeException refused) {
            facts.put("all-ones-refused", refused.getMessage());
        }
        Transcripts.attributes("facts.adoc", facts);

        assertThat(frame).hasSize(4 + payload.length);
    }

    private static final long RELAY_SEED = 7;
    private static final int NAIVE_MESSAGES = 5;

    @Test
    void recordsARunOfTheNaiveClientThroughTheRelay() throws Exception {
        var serverLog = new CapturedOutput();
        var relayLog = new CapturedOutput();
        var naive = new CapturedOutput();
        var client = new CapturedOutput();
        var err = new CapturedOutput();
        int serverPort;
        int relayPort;
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, serverLog.printStream());
                var relay = Relay.listen("127.0.0.1", 0, server.localAddress(), RELAY_SEED, relayLog.printStream())) {
            serverPort = server.localAddress().getPort();
            relayPort = relay.localAddress().getPort();
            relayLog.printStream().println(relay.boundLine()); // what the relay's run prints first
            background.run(server::serve);
            background.run(relay::serve);

            // The programs as the page's commands run them, pointed at the relay.
            int naiveStatus = NaiveClient.run(new String[] {"--port=" + relayPort, "--count=" + NAIVE_MESSAGES},
                    naive.printStream(), err.printStream());
            int clientStatus = Client.run(new String[] {"--port=" + relayPort}, client.printStream(), err.printStream());

            assertThat(err.lines()).isEmpty();
            assertThat(naiveStatus).isIn(0, 3); // 3: some messages came back wrong
            assertThat(clientStatus).isZero();
        }
        // The system chose the ports; the page's commands use the defaults, as the transcripts show them.
        Transcripts.write("client-through-relay.txt", asDefaults(client.lines(), serverPort, relayPort));
        Transcripts.write("naive-client.txt", asDefaults(naive.lines(), serverPort, relayPort));
        Transcripts.write("relay.txt", asDefaults(relayLog.lines(), serverPort, relayPort));
        long framed = client.lines().stream().filter(line -> line.startsWith("back unchanged: ")).count();
        var run = new LinkedHashMap<String, Object>();
        run.put("run-relay-seed", RELAY_SEED);
        run.put("run-naive-messages", NAIVE_MESSAGES);
        run.put("run-framed-messages", framed);
        run.put("relay-port", Relay.DEFAULT_PORT);
        Transcripts.attributes("relay-run.adoc", run);

        assertThat(naive.lines()).hasSize(NAIVE_MESSAGES + 1);
        assertThat(naive.lines().subList(0, NAIVE_MESSAGES)).allMatch(line -> line.matches("(right|WRONG): expected 20 bytes, read -?\\d+"));
        assertThat(client.lines()).last().isEqualTo("all " + framed + " frames came back unchanged");
    }

    /** The lines with the ports the system chose shown as the server's and the relay's defaults. */
    private static List<String> asDefaults(List<String> lines, int serverPort, int relayPort) {
        return lines.stream()
                .map(line -> line.replaceAll(":" + serverPort + "\\b", ":" + tcpcourse.common.Endpoints.DEFAULT_PORT)
                        .replaceAll(":" + relayPort + "\\b", ":" + Relay.DEFAULT_PORT))
                .toList();
    }

    private static String pieces(byte[] frame, List<byte[]> pieces) {
        var shown = new ArrayList<String>();
        int position = 0;
        for (byte[] piece : pieces) {
            shown.add(render(frame, position, position + piece.length));
            position += piece.length;
        }
        // One line per piece in the diagram: PlantUML reads "\n" in a message as a line break.
        return shown.size() + " pieces:\\n" + String.join("\\n", shown);
    }

    /** Bytes {@code from..to} of a frame as the page shows them: the prefix in hex, the payload as text. */
    private static String render(byte[] frame, int from, int to) {
        var shown = new StringBuilder();
        if (from < 4) {
            shown.append('[').append(hex(frame, from, Math.min(4, to))).append(to >= 4 ? "]" : "");
        }
        if (to > 4) {
            shown.append(shown.length() > 0 ? " " : "").append('"')
                    .append(new String(frame, Math.max(4, from), to - Math.max(4, from), UTF_8)).append('"');
        }
        return shown.toString();
    }

    private static String hex(byte[] bytes, int from, int to) {
        var hex = new StringBuilder();
        for (int i = from; i < to; i++) {
            hex.append(hex.length() > 0 ? " " : "").append(String.format(Locale.ROOT, "%02X", bytes[i]));
        }
        return hex.toString();
    }
}
