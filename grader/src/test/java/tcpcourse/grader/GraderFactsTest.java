package tcpcourse.grader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpcourse.grader.sandbox.Sandbox;
import tcpcourse.testkit.grading.Feedback;

/**
 * The grader's limits as the instructors' page states them: checked here where a test can run
 * them, and written to {@code target/transcripts/grader-facts.adoc} from the grader's own
 * constants (and the shares of an exercise's points from the points table), so that the page
 * never types them. The sandbox's limits are run against by the
 * hostile suite ({@code .ci/hostile}).
 */
@Timeout(30)
class GraderFactsTest {

    private static final Map<String, String> FACTS = new LinkedHashMap<>();
    private static final Path POINTS_TABLE = Path.of("../docs/src/docs/asciidoc/_points.adoc");

    @Test
    void takesAnExerciseSourceUpToTheLimitAndLeavesOutOneByteMore(@TempDir Path folder) throws Exception {
        // given
        Path checkout = folder.resolve("student");
        Path root = checkout.resolve("lesson01-connect/src/exercises/java");
        Path sources = Files.createDirectories(root.resolve("tcpcourse/lesson01/exercises"));
        Files.write(sources.resolve("AtTheLimit.java"), new byte[(int) Intake.FILE_LIMIT]);
        Files.write(sources.resolve("OneByteMore.java"), new byte[(int) Intake.FILE_LIMIT + 1]);

        // when
        var taken = Intake.take(checkout, root, "tcpcourse.lesson01.exercises", folder.resolve("taken"));

        // then
        Path copied = taken.sources().resolve("tcpcourse/lesson01/exercises");
        assertThat(copied.resolve("AtTheLimit.java")).exists();
        assertThat(copied.resolve("OneByteMore.java")).doesNotExist();
        assertThat(taken.leftOut()).singleElement().asString()
                .startsWith("left out: tcpcourse/lesson01/exercises/OneByteMore.java (larger than");
        FACTS.put("grader-file-limit", inUnits(Intake.FILE_LIMIT));
    }

    @Test
    void runsTwoTestJvmsPerCoreUnlessToldHowMany() throws Exception {
        // given
        int cores = Runtime.getRuntime().availableProcessors();

        // when
        int byDefault = Grade.parse(new String[] {"--reference"}).jobs();
        int toldThree = Grade.parse(new String[] {"--reference", "--jobs=3"}).jobs();

        // then
        assertThat(byDefault).isEqualTo(Grade.JOBS_PER_CORE * cores);
        assertThat(toldThree).isEqualTo(3);
        FACTS.put("grader-jobs-per-core", inWords(Grade.JOBS_PER_CORE));
    }

    /**
     * The shares of an exercise's points that the page states, from the points table the page
     * shows (which CI checks is the grader's own, {@code --points}): every exercise gives the
     * same share to its tests one by one, and the rest for passing them all.
     */
    @Test
    void givesEveryExerciseTheSameShareForItsTestsOneByOneAndTheRestForPassingThemAll() throws Exception {
        // given: the rows of the table, "| 1.1 | title | idea | 8 (10) | 15 | 25"
        var row = Pattern.compile("^\\| (\\d+\\.\\d+) \\|.*\\| \\d+ \\((\\d+)\\) \\| (\\d+) \\| (\\d+)$");
        var shares = new TreeSet<Long>();
        int exercises = 0;

        // when
        for (String line : Files.readAllLines(POINTS_TABLE, UTF_8)) {
            var cells = row.matcher(line);
            if (cells.matches()) {
                int tests = Integer.parseInt(cells.group(2));
                int allPass = Integer.parseInt(cells.group(3));
                assertThat(allPass).as("exercise %s: its points for passing every test", cells.group(1))
                        .isEqualTo(Feedback.completionPoints(tests));
                assertThat(Integer.parseInt(cells.group(4))).isEqualTo(tests + allPass);
                shares.add(Math.round(100.0 * tests / (tests + allPass)));
                exercises++;
            }
        }

        // then
        assertThat(exercises).as("exercises in %s", POINTS_TABLE).isGreaterThan(10);
        assertThat(shares).as("the share of each exercise's points for its tests one by one, in %").hasSize(1);
        FACTS.put("grader-tests-share", shares.first() + " %");
        FACTS.put("grader-all-pass-share", (100 - shares.first()) + " %");
    }

    @AfterAll
    static void writeTheFacts() throws Exception {
        // The limits the sandbox and the test JVMs set, as the grader sets them.
        FACTS.put("grader-scratch", inUnits(Sandbox.Limits.DEFAULT.scratchBytes()));
        FACTS.put("grader-per-test", Grader.PER_TEST.toSeconds() + " s");
        FACTS.put("grader-log-limit", inUnits(TestJvm.LOG_LIMIT));
        FACTS.put("grader-results-limit", inUnits(TestJvm.RESULTS_LIMIT));
        var lines = new ArrayList<String>();
        lines.add("// Written by the grader's GraderFactsTest from the grader's own constants and points table: do not edit.");
        FACTS.forEach((key, value) -> lines.add(":" + key + ": " + value));
        Path transcripts = Files.createDirectories(Path.of("target/transcripts"));
        Files.write(transcripts.resolve("grader-facts.adoc"), lines, UTF_8);
    }

    private static String inUnits(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static String inWords(int count) {
        var words = new String[] {"no", "one", "two", "three", "four", "five", "six", "seven", "eight"};
        return count < words.length ? words[count] : String.valueOf(count);
    }
}
