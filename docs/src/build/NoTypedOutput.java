import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Part of the docs build, run before asciidoctor: fails if a page shows a block that no program
 * wrote. A page's code and output come from tested sources and recorded transcripts by include;
 * the only blocks typed on a page are the commands a reader types ({@code [source,shell]} and
 * {@code [source,powershell]}, each line a command) and diagrams, whose numbers are attributes.
 *
 * <p>{@code java NoTypedOutput.java FOLDER}: checks every {@code .adoc} file under FOLDER.
 */
public final class NoTypedOutput {

    /** A block's delimiter: four or more dashes (listing) or dots (literal), alone on a line. */
    private static final Pattern DELIMITER = Pattern.compile("^(-{4,}|\\.{4,})$");

    /** The block attribute lines that say what a block is, e.g. {@code [source,shell]}. */
    private static final Pattern STYLE = Pattern.compile("^\\[([^\\]]*)\\]$");

    /** How a command the reader types begins: the wrapper, or a tool the course installs. */
    private static final Pattern COMMAND = Pattern.compile(
            "^(\\./mvnw |\\.\\\\mvnw\\.cmd |mvnw |java |node |npm |git |cd |sudo |apt-get |socat |nc |curl |export |set |\\$env:|# )");

    private NoTypedOutput() {}

    public static void main(String[] args) throws IOException {
        var problems = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            for (Path page : files.filter(file -> file.toString().endsWith(".adoc")).sorted().toList()) {
                problems.addAll(check(page, Files.readAllLines(page, StandardCharsets.UTF_8)));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.err.println(problems.size() + " block(s) typed on a page: include a recorded transcript or a tested source instead");
            System.exit(1);
        }
    }

    static List<String> check(Path page, List<String> lines) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            var delimiter = DELIMITER.matcher(lines.get(i));
            if (!delimiter.matches()) {
                continue;
            }
            int end = lines.subList(i + 1, lines.size()).indexOf(delimiter.group(1));
            if (end == -1) {
                problems.add(page + ":" + (i + 1) + ": a block that never ends");
                break;
            }
            List<String> body = lines.subList(i + 1, i + 1 + end);
            String style = styleBefore(lines, i);
            String problem = problem(style, body);
            if (problem != null) {
                problems.add(page + ":" + (i + 1) + ": " + problem);
            }
            i += end + 1;
        }
        return problems;
    }

    /** The style of the block that starts at line {@code start}: its attribute line, skipping its title. */
    private static String styleBefore(List<String> lines, int start) {
        for (int j = start - 1; j >= 0 && j >= start - 3; j--) {
            var style = STYLE.matcher(lines.get(j));
            if (style.matches()) {
                return style.group(1);
            }
            if (!lines.get(j).startsWith(".")) {
                return "";
            }
        }
        return "";
    }

    private static String problem(String style, List<String> body) {
        List<String> content = body.stream().filter(line -> !line.isBlank() && !line.startsWith("//")).toList();
        if (content.stream().anyMatch(line -> line.startsWith("include::"))) {
            return content.stream().allMatch(line -> line.startsWith("include::"))
                    ? null
                    : "a block that includes a file and adds lines of its own";
        }
        if (style.startsWith("plantuml") || content.stream().findFirst().filter(line -> line.equals("@startuml")).isPresent()) {
            return null;
        }
        if (style.equals("source,shell") || style.equals("source,powershell")) {
            return content.stream().filter(line -> !COMMAND.matcher(line).find()).findFirst()
                    .map(line -> "a command block with a line that is no command: " + line).orElse(null);
        }
        return "a [" + style + "] block typed on the page, not included: " + (content.isEmpty() ? "(empty)" : content.get(0));
    }
}
