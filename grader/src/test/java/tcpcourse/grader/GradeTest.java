package tcpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The grading command's own command line: help, and one-line errors for what it cannot do. */
@Timeout(30)
class GradeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return Grade.run(args, Path.of(".."), Path.of("none"), Path.of("target/none"), new PrintStream(out, true),
                new PrintStream(err, true));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        // given, when
        int status = run("--help");

        // then
        assertThat(status).isZero();
        assertThat(out.toString()).startsWith("usage: Grade ").contains("--gradescope=FILE.zip", "--roster=FILE");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRosterWithoutAClassIsAOneLineError() throws Exception {
        // given, when
        int status = run("--roster=roster.csv");

        // then
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("--roster names the students of a class: give it with --class=FOLDER; usage:")
                .hasLineCount(1);
    }

    @Test
    void theGradescopeAutograderIsAZip() throws Exception {
        // given, when
        int status = run("--gradescope=autograder.tar");

        // then
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("--gradescope takes the zip file to write, FILE.zip, not autograder.tar;")
                .hasLineCount(1);
    }
}
