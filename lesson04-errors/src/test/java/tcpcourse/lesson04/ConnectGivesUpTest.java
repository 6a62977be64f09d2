package tcpcourse.lesson04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.NodeProgram;
import tcpcourse.testkit.Transcripts;

/**
 * A connect that nobody answers, with no timeout of the program's own: the system resends its SYN
 * {@code tcp_syn_retries} times, then gives up, and Node.js reports ETIMEDOUT, Java a
 * {@code ConnectException}. At the usual setting that takes minutes, so the test lowers the
 * setting, in network namespaces of its own ({@link UnreachableNamespace}), where the setting and
 * the loopback listener whose full queue drops the SYNs ({@link GivesUpProbe}) are the namespace's
 * alone: once to one resend, once to two, both at once. It runs the tutorial's client without
 * {@code setTimeout} and a Java connect without a timeout in each, and records for the lesson's
 * page what each reported and when the system gave up.
 *
 * <p>Where no namespace can be made (it needs root), the test is skipped, saying why, and the page
 * shows the recording in src/test/resources, saying so. Run as root with
 * -Derror-table.write=true to record it again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectGivesUpTest {

    private static final List<Integer> RESENDS = List.of(1, 2);
    private static final Path NODE_CLIENT = Path.of("src/test/node/tutorial-client.js");
    private static final String HOSTS = Path.of("../testkit/hosts").toString();
    private static final Path RECORDED = Path.of("src/test/resources/connect-given-up.txt");
    private static final Path SYN_RETRIES = Path.of("/proc/sys/net/ipv4/tcp_syn_retries");
    /** Longer than the system takes to give up after two resends. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** What one namespace gave: the Node client's lines, Java's row, and the seconds Java's connect took. */
    record Outcome(List<String> node, String java, double seconds) {}

    @Test
    void nodeSaysETIMEDOUTAndJavaConnectionTimedOutOnceTheSystemStopsResendingTheSyn() throws Exception {
        Optional<String> whyNot = UnreachableNamespace.whyNot();
        if (whyNot.isPresent()) {
            var facts = readRecording();
            facts.put("connect-given-up-origin", "recorded as root (this build could not make a network namespace: "
                    + whyNot.get() + ")");
            record(facts);
            abort(UnreachableNamespace.skipped(whyNot.get()) + "; the page shows the recording in " + RECORDED);
        }

        var outcomes = new LinkedHashMap<Integer, Outcome>();
        try (var background = new Background()) {
            var running = new LinkedHashMap<Integer, CompletableFuture<Outcome>>();
            for (int resends : RESENDS) {
                running.put(resends, background.call(() -> UnreachableNamespace.withNamespace(
                        inNamespace -> measure(inNamespace, resends))));
            }
            for (var entry : running.entrySet()) {
                try {
                    outcomes.put(entry.getKey(), entry.getValue().get(2 * WAIT.toMillis(), TimeUnit.MILLISECONDS));
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
            }
        }

        String nodeCode = NodePeersTest.page("connect-given-up");
        for (var outcome : outcomes.values()) {
            assertThat(outcome.node()).containsExactly("error " + nodeCode);
            assertThat(outcome.java()).isEqualTo(GivesUpProbe.CASE
                    + " | java.net.ConnectException | Connection timed out | ETIMEDOUT");
        }
        // Each resend waits longer than the one before: two take longer than one.
        assertThat(outcomes.get(2).seconds()).isGreaterThan(outcomes.get(1).seconds());

        var facts = new LinkedHashMap<String, String>();
        outcomes.forEach((resends, outcome) -> facts.put("connect-given-up-after-" + resends,
                String.valueOf(Math.round(outcome.seconds()))));
        var java = ErrorTableTest.fact(outcomes.get(1).java());
        facts.put(java.getKey(), java.getValue());
        if (Boolean.getBoolean("error-table.write")) {
            var lines = new ArrayList<String>();
            facts.forEach((key, value) -> lines.add(key + ": " + value));
            Files.write(RECORDED, lines, UTF_8);
        }
        facts.put("connect-given-up-origin", "measured when this site was built");
        record(facts);
    }

    /** In one namespace: the probe holds the port and connects from Java; the tutorial's client connects from Node. */
    private static Outcome measure(List<String> inNamespace, int resends) throws Exception {
        var command = new ArrayList<>(inNamespace);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GivesUpProbe.class.getName(), String.valueOf(resends)));
        var probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var background = new Background();
                var output = new BufferedReader(new InputStreamReader(probe.getInputStream(), UTF_8))) {
            String port = background.call(output::readLine).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(port).as("the probe's first line").startsWith("port ");
            List<String> node;
            // No setTimeout (0): the client waits for the system to give up.
            try (var client = NodeProgram.startThrough(inNamespace, NODE_CLIENT, port.substring("port ".length()),
                    "127.0.0.1", HOSTS, "0")) {
                node = client.awaitExit(WAIT);
            }
            String java = background.call(output::readLine).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(java).as("the probe's row").isNotNull().startsWith(GivesUpProbe.CASE + " | ");
            probe.getOutputStream().close(); // the probe lets its port go
            assertThat(probe.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the probe ended").isTrue();
            int seconds = java.lastIndexOf(" | ");
            return new Outcome(node, java.substring(0, seconds), Double.parseDouble(java.substring(seconds + 3)));
        } finally {
            probe.destroyForcibly();
        }
    }

    private static Map<String, String> readRecording() throws Exception {
        var facts = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(RECORDED, UTF_8)) {
            var pair = line.split(": ", 2);
            facts.put(pair[0], pair[1]);
        }
        return facts;
    }

    /** Writes the facts for the page, with this machine's own setting beside them. */
    private static void record(Map<String, String> facts) throws Exception {
        facts.put("system-syn-retries", Files.readString(SYN_RETRIES, UTF_8).strip());
        Transcripts.attributes("connect-given-up.adoc", facts);
    }
}
