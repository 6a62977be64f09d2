package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Transcripts;

/**
 * The benchmark's table that the lesson's page shows is recorded in the repository, so that the
 * docs build needs no benchmark run ({@code -Pbench ... -Dexec.args=--record} writes it; each
 * benchmark run checks that it has the benchmark's format). This checks that it is as the
 * benchmark wrote it: no number in it edited by hand.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RecordedBenchmarkTest {

    private static final Path RECORDED = Path.of("src/bench/recorded/bench.txt");

    @Test
    void theTableOnThePageIsAsTheBenchmarkWroteIt() throws Exception {
        List<String> lines = Files.readAllLines(RECORDED, UTF_8);
        List<String> table = lines.subList(lines.indexOf("// tag::table[]") + 1, lines.indexOf("// end::table[]"));

        byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\n", table).getBytes(UTF_8));

        assertThat(lines.get(1)).isEqualTo("// SHA-256 of the table: " + HexFormat.of().formatHex(hash));
        assertThat(table).anyMatch(line -> line.matches("Measured \\d{4}-\\d\\d-\\d\\d on .+, \\d+ cores, .+\\."))
                .anyMatch(line -> line.matches("Java .+, Node .+, Netty .+; benchmark format \\p{XDigit}+\\."));

        // The page's text says how many connections the recorded run held open, from the run itself.
        String connections = table.stream().map(OPEN::matcher).filter(Matcher::matches).map(open -> open.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("the recorded table has no line on connections held open"));
        // And how many runs each row's median is of, from the table's own heading.
        String runs = table.stream().map(MEDIAN::matcher).filter(Matcher::matches).map(median -> median.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("the recorded table has no line on its medians"));
        Transcripts.attributes("bench-facts.adoc", Map.of("bench-connections", connections, "bench-runs", runs));
    }

    private static final Pattern OPEN = Pattern.compile("([\\d,]+) connections (open at once|at once: not measured).*");
    private static final Pattern MEDIAN = Pattern.compile("Frames per second, the median of (\\d+) runs per server;.*");
}
