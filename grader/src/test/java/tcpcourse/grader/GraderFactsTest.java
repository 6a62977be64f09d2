package tcpcourse.grader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpcourse.grader.sandbox.Sandbox;

/**
 * The grader's limits as the instructors' page states them: checked here where a test can run
 * them, and written to {@code target/transcripts/grader-facts.adoc} from the grader's own
 * constants, so that the page never types them. The sandbox's limits are run against by the
 * hostile suite ({@code .ci/hostile}).
 */
@Timeout(30)
class GraderFactsTest {

    private static final Map<String, String> FACTS = new LinkedHashMap<>();

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

    @AfterAll
    static void writeTheFacts() throws Exception {
        // The limits the sandbox and the test JVMs set, as the grader sets them.
        FACTS.put("grader-scratch", inUnits(Sandbox.Limits.DEFAULT.scratchBytes()));
        FACTS.put("grader-per-test", Grader.PER_TEST.toSeconds() + " s");
        FACTS.put("grader-log-limit", inUnits(TestJvm.LOG_LIMIT));
        FACTS.put("grader-results-limit", inUnits(TestJvm.RESULTS_LIMIT));
        var lines = new ArrayList<String>();
        lines.add("// Written by the grader's GraderFactsTest from the grader's own constants: do not edit.");
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
