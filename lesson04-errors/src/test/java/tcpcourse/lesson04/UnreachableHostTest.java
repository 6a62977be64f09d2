package tcpcourse.lesson04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Transcripts;

/**
 * EHOSTUNREACH, for real: Java's connect, in a network namespace of the test's own where the
 * route to 10.99.0.0/16 is marked unreachable ({@link UnreachableNamespace}), fails before any
 * packet is sent. Like {@link ErrorTableTest}, it checks the row it measured against the row
 * measured on that JDK before (src/test/resources), and records it for the lesson page.
 *
 * <p>Where no namespace can be made (it needs root), the test is skipped, saying why, and the page
 * shows the recorded row and says that it is a recording. Run as root with
 * -Derror-table.write=true to record a JDK's row.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnreachableHostTest {

    private static final String CASE = "host unreachable";
    /** The course's oldest JDK: the page shows its recording where the running JDK has none. */
    private static final int BASELINE_JAVA = 17;
    private static final long PROBE_SECONDS = 20;

    @Test
    void javaThrowsNoRouteToHostExceptionAsRecorded() throws Exception {
        int feature = Runtime.version().feature();
        Path recorded = recording(feature);
        Optional<String> whyNot = UnreachableNamespace.whyNot();
        if (whyNot.isPresent()) {
            // The page still needs the cell: the row of a real run, recorded, saying so.
            int shown = Files.exists(recorded) ? feature : BASELINE_JAVA;
            record(Files.readString(recording(shown), UTF_8).strip(),
                    "recorded on Java " + shown + " (this build could not make a network namespace: " + whyNot.get() + ")");
            abort(UnreachableNamespace.skipped(whyNot.get()) + "; the page shows the row recorded on Java " + shown);
        }

        String row = UnreachableNamespace.withNamespace(UnreachableHostTest::probe);

        if (Boolean.getBoolean("error-table.write")) {
            Files.writeString(recorded, row + "\n", UTF_8);
        }
        if (Files.exists(recorded)) {
            assertThat(row).isEqualTo(Files.readString(recorded, UTF_8).strip());
        } else {
            assertThat(row).startsWith(CASE + " | java.net.NoRouteToHostException | ").endsWith(" | EHOSTUNREACH");
        }
        record(row, "measured in a network namespace of its own, on the same JDK");
    }

    /** Runs {@link ConnectProbe} in the namespace, against a host of its unreachable network. */
    private static String probe(List<String> inNamespace) throws Exception {
        var command = new ArrayList<>(inNamespace);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ConnectProbe.class.getName(),
                CASE, UnreachableNamespace.HOST, "9"));
        var probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(probe.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)).as("the probe ended within %d s", PROBE_SECONDS).isTrue();
            List<String> lines = new String(probe.getInputStream().readAllBytes(), UTF_8).lines().toList();
            assertThat(lines).as("what the probe printed").isNotEmpty();
            return lines.get(lines.size() - 1);
        } finally {
            probe.destroyForcibly();
        }
    }

    private static Path recording(int feature) {
        return Path.of("src/test/resources/unreachable-host-java" + feature + ".txt");
    }

    /** Writes the row's cell, and where it came from, for the page. */
    private static void record(String row, String origin) throws Exception {
        var fact = ErrorTableTest.fact(row);
        var facts = new LinkedHashMap<String, String>();
        facts.put(fact.getKey(), fact.getValue());
        facts.put(fact.getKey() + "-origin", origin);
        facts.put("unreachable-network", UnreachableNamespace.NETWORK);
        Transcripts.attributes("unreachable-host.adoc", facts);
    }
}
