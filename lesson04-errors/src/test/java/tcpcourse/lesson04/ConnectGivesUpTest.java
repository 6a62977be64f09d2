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
 * {@code setTimeout}, a Java connect without a timeout, and the lesson's client with a timeout
 * longer than the system's limit in each, and records for the lesson's page what the first two
 * reported and when the system gave up.
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

    /**
     * What one namespace gave: the Node client's lines, Java's row, the seconds Java's connect
     * took, and the lesson's client's output.
     */
    record Outcome(List<String> node, String java, double seconds, List<String> lessonClient) {}

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
            // The lesson's client, with a timeout of its own longer than the system's limit, says
            // that the system gave up, not that its own timeout passed.
            assertThat(outcome.lessonClient()).last().asString()
                    .matches("no answer from 127\\.0\\.0\\.1:\\d+: the system gave up on the handshake \\(ETIMEDOUT\\)\\.");
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
            String portNumber = port.substring("port ".length());
            var lessonClient = startLessonClient(inNamespace, portNumber);
            List<String> node;
            // No setTimeout (0): the client waits for the system to give up.
            try (var client = NodeProgram.startThrough(inNamespace, NODE_CLIENT, portNumber, "127.0.0.1", HOSTS, "0")) {
                node = client.awaitExit(WAIT);
            }
            List<String> lessonLines;
            try {
                assertThat(lessonClient.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the lesson's client ended").isTrue();
                lessonLines = new String(lessonClient.getInputStream().readAllBytes(), UTF_8).lines().toList();
                assertThat(lessonClient.exitValue()).as("its exit status; it printed %s", lessonLines).isEqualTo(2);
            } finally {
                lessonClient.destroyForcibly();
            }
            String java = background.call(output::readLine).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(java).as("the probe's row").isNotNull().startsWith(GivesUpProbe.CASE + " | ");
            probe.getOutputStream().close(); // the probe lets its port go
            assertThat(probe.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the probe ended").isTrue();
            int seconds = java.lastIndexOf(" | ");
            return new Outcome(node, java.substring(0, seconds), Double.parseDouble(java.substring(seconds + 3)),
                    lessonLines);
        } finally {
            probe.destroyForcibly();
        }
    }

    /** Lesson 4's client, in the namespace, with no retry and a timeout of its own longer than the system's limit. */
    private static Process startLessonClient(List<String> inNamespace, String port) throws Exception {
        var command = new ArrayList<>(inNamespace);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Client.class.getName(), "--port=" + port,
                "--timeout=" + WAIT.toMillis(), "--retries=0"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
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
        // Lines, not readString: a /proc/sys file says its size is 0, and readString then gets only its first byte.
        facts.put("system-syn-retries", Files.readAllLines(SYN_RETRIES, UTF_8).get(0).strip());
        Transcripts.attributes("connect-given-up.adoc", facts);
    }
}
