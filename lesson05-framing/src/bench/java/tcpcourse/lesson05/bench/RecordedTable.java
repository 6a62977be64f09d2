package tcpcourse.lesson05.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The benchmark's table as the lesson's page shows it: a file in the repository, written only
 * by {@code --record}, so that the docs build needs no benchmark run. The table sits between
 * AsciiDoc tags; above it, the SHA-256 of its lines, which a test of the lesson checks, so that
 * a number edited by hand fails the build.
 */
final class RecordedTable {

    private static final Pattern FORMAT = Pattern.compile("benchmark format (\\p{XDigit}+)");

    private RecordedTable() {}

    static void write(Path file, List<String> table, String command) throws IOException, NoSuchAlgorithmException {
        var lines = new ArrayList<String>();
        lines.add("// Written by the benchmark, " + command + ": do not edit.");
        lines.add("// SHA-256 of the table: " + sha256(table));
        lines.add("// tag::table[]");
        lines.addAll(table);
        lines.add("// end::table[]");
        Files.createDirectories(file.getParent());
        Files.write(file, lines, UTF_8);
    }

    /** The format of the benchmark that recorded the table, as its header says. */
    static String format(Path file) throws IOException {
        for (String line : Files.readAllLines(file, UTF_8)) {
            var format = FORMAT.matcher(line);
            if (format.find()) {
                return format.group(1);
            }
        }
        return "(none)";
    }

    /** Whether a line of the recorded table starts with {@code start}. */
    static boolean has(Path file, String start) throws IOException {
        return Files.readAllLines(file, UTF_8).stream().anyMatch(line -> line.startsWith(start));
    }

    static String sha256(List<String> table) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\n", table).getBytes(UTF_8));
        return HexFormat.of().formatHex(hash);
    }
}
