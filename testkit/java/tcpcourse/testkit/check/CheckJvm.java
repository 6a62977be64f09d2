package tcpcourse.testkit.check;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The JVM the student's check runs the grading tests in, started by {@link StudentCheck} with the
 * lesson's test class path: prints the lesson's lines, and writes {@code result.properties} for
 * {@link StudentCheck} to read. What the exercises and tests print goes to {@code output.log}.
 *
 * <p>Usage: {@code CheckJvm --module=DIR --tests=DIR --results=DIR [--exercise=ID,...] [--traces=true]}.
 */
public final class CheckJvm {

    private CheckJvm() {}

    /** Runs the check, then ends the JVM even if the exercises left threads running. */
    public static void main(String[] args) throws IOException {
        var options = StudentCheck.options(args);
        Path results = Path.of(options.get("results"));
        Files.createDirectories(results);
        var console = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // The exercises' and the tests' own printing would bury the lines the student reads.
        var output = new PrintStream(Files.newOutputStream(results.resolve("output.log")), true, StandardCharsets.UTF_8);
        System.setOut(output);
        System.setErr(output);

        Check.Lesson lesson;
        Check.LessonResult checked;
        try {
            lesson = Check.find(Path.of(options.get("module")), Path.of(options.get("tests")),
                    CheckJvm.class.getClassLoader());
            Set<String> wanted = StudentCheck.exercises(options.getOrDefault("exercise", ""));
            Predicate<String> selected = wanted.isEmpty() ? id -> true : wanted::contains;
            checked = Check.run(lesson, selected, Boolean.parseBoolean(options.getOrDefault("traces", "false")), console);
        } catch (RuntimeException broken) {
            broken.printStackTrace(output);
            console.println("cannot check: " + broken.getMessage());
            console.flush();
            Runtime.getRuntime().halt(2);
            return;
        }

        StudentCheck.Tally.of(checked).store(results.resolve("result.properties"));
        console.flush();
        output.flush();
        // An exercise's leftover non-daemon threads would keep the JVM alive: end it here.
        Runtime.getRuntime().halt(0);
    }
}
