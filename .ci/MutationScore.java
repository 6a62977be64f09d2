import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Adds up PIT's reports of the lessons' reference solutions and fails below the course's bar.
 *
 * <p>Run after {@code ./mvnw -Pmutation verify}: {@code java .ci/MutationScore.java [minimum %]}.
 * A mutant counts as killed when a grading test failed or timed out on it.
 */
public class MutationScore {

    public static void main(String[] args) throws Exception {
        double minimum = args.length > 0 ? Double.parseDouble(args[0]) : 85;
        List<Path> reports;
        try (Stream<Path> lessons = Files.list(Path.of("."))) {
            reports = lessons.map(lesson -> lesson.resolve("target/pit-reports/mutations.xml"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        if (reports.isEmpty()) {
            System.err.println("no PIT report found: run ./mvnw -Pmutation verify first");
            System.exit(1);
        }
        int allKilled = 0;
        int all = 0;
        for (Path report : reports) {
            var mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getElementsByTagName("mutation");
            int killed = 0;
            for (int i = 0; i < mutations.getLength(); i++) {
                String status = mutations.item(i).getAttributes().getNamedItem("status").getNodeValue();
                if (status.equals("KILLED") || status.equals("TIMED_OUT")) {
                    killed++;
                }
            }
            System.out.printf("%-24s %3d of %3d mutants killed (%.0f%%)%n",
                    report.getName(1), killed, mutations.getLength(), 100.0 * killed / Math.max(1, mutations.getLength()));
            allKilled += killed;
            all += mutations.getLength();
        }
        double score = 100.0 * allKilled / Math.max(1, all);
        System.out.printf("%-24s %3d of %3d mutants killed (%.1f%%); the bar is %.0f%%%n", "course", allKilled, all, score, minimum);
        System.exit(score >= minimum ? 0 : 1);
    }
}
