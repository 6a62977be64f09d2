package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * Measures what Java throws in each case of the lesson's table, on the JDK that runs the tests,
 * and checks it against the table measured on that JDK before (src/test/resources), which the
 * lesson page shows. Run with -Derror-table.write=true to record a JDK's table.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorTableTest {

    @FunctionalInterface
    interface Case {
        void trigger() throws Exception;
    }

    @Test
    void javaThrowsWhatTheTableSays() throws Throwable {
        var rows = new ArrayList<String>();
        // The lookup fails, so connect() throws before any packet is sent; no port is involved.
        rows.add(row("unknown host", () -> {
            try (var connection = new Socket()) {
                connection.connect(new InetSocketAddress("no-such-host.invalid", 0), 2000);
            }
        }));
        Loopback.withRefusingPort(refusing -> rows.add(row("connection refused", () -> {
            try (var connection = new Socket()) {
                connection.connect(refusing, 2000);
            }
        })));
        Loopback.withUnansweredPort(unanswered -> rows.add(row("connect timeout", () -> {
            try (var connection = new Socket()) {
                connection.connect(unanswered, 300);
            }
        })));
        Loopback.withConnectedPair((client, server) -> {
            client.setSoTimeout(300);
            rows.add(row("read timeout", () -> client.getInputStream().read()));
        });
        Loopback.withConnectedPair((client, server) -> {
            server.setSoLinger(true, 0);
            server.close();
            rows.add(row("reset by the peer", () -> readUntilFailure(client.getInputStream())));
        });
        Loopback.withConnectedPair((client, server) -> {
            server.close();
            rows.add(row("write after the peer closed", () -> {
                await().atMost(Duration.ofSeconds(10)).until(() -> false == writes(client));
                client.getOutputStream().write(1);
            }));
        });
        String table = String.join("\n", rows) + "\n";
        int feature = Runtime.version().feature();
        Path recorded = Path.of("src/test/resources/error-table-java" + feature + ".txt");
        if (Boolean.getBoolean("error-table.write")) {
            Files.writeString(recorded, table, StandardCharsets.UTF_8);
        }

        if (Files.exists(recorded)) {
            assertThat(table).isEqualTo(Files.readString(recorded, StandardCharsets.UTF_8));
        } else {
            assertThat(rows).allMatch(row -> !row.endsWith("| no exception"));
        }
        // The page's Java column is what this run threw, not what someone typed.
        var facts = new LinkedHashMap<String, String>();
        for (String row : rows) {
            var fact = fact(row);
            facts.put(fact.getKey(), fact.getValue());
        }
        facts.put("java-version", String.valueOf(feature));
        Transcripts.attributes("error-table.adoc", facts);
    }

    /**
     * What {@code trigger} threw, as a row of the table: {@code case | exception class | message |
     * code}. {@link ConnectProbe} prints the unreachable host's row so, from its namespace.
     */
    static String row(String what, Case trigger) {
        try {
            trigger.trigger();
            return what + " | no exception";
        } catch (IOException failure) {
            // The ephemeral port in a message changes from run to run.
            String message = String.valueOf(failure.getMessage()).replaceAll(":\\d+", ":PORT");
            return what + " | " + failure.getClass().getName() + " | " + message + " | " + ErrorCode.of(failure);
        } catch (Exception other) {
            return what + " | " + other;
        }
    }

    /**
     * The page's attribute for a row: {@code java-} and the case, with the exception's simple name
     * and message, as {@code {java-connection-refused}} shows {@code ConnectException: Connection refused}.
     */
    static Map.Entry<String, String> fact(String row) {
        String[] cells = row.split(" \\| ");
        String exception = cells[1].substring(cells[1].lastIndexOf('.') + 1);
        return Map.entry("java-" + cells[0].replace(' ', '-'), exception + ": " + cells[2]);
    }

    private static boolean writes(Socket connection) {
        try {
            connection.getOutputStream().write(new byte[1024]);
            return true;
        } catch (IOException failed) {
            return false;
        }
    }

    private static void readUntilFailure(InputStream in) throws IOException {
        while (in.read() != -1) {
            // keep reading: the reset is the failure
        }
    }

}
