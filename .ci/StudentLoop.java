import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The student's check as a student runs it, on a copy of the course: the commands the README
 * gives, their exit status, how many lines they print (Maven's own included), and their points
 * held to the grader's for the same code.
 *
 * <ol>
 *   <li>untouched stubs: {@code ./mvnw -q -pl lesson01-connect test -Pstudent} prints at most 40
 *       lines, every exercise "not started", and fails;
 *   <li>exercise 1.1 solved: its line full, the others not started, the build still fails, and
 *       the grader gives the same points;
 *   <li>a wrong 1.2 beside it (a case of the corpus): it loses points, shows its first failure
 *       and its hint, and has the grader's points;
 *   <li>{@code ./mvnw -q test -Pstudent} in the course's folder: every lesson's lines and the
 *       total, the grader's total;
 *   <li>every exercise of lesson 1 solved: full points, and the build passes.
 * </ol>
 *
 * <p>Usage, from the course's folder: {@code java .ci/StudentLoop.java [--sandbox=auto|required]}.
 */
public class StudentLoop {

    static final Pattern EXERCISE_LINE = Pattern.compile("^  (\\d+\\.\\d+)\\s+(.+?)\\s+(\\d+) / (\\d+)(?:\\s+(.*))?$");
    static final Pattern EXERCISE_JSON = Pattern.compile(
            "\\{\"id\": \"([0-9.]+)\", \"title\": \"[^\"]*\", \"score\": (\\d+), \"max\": (\\d+), \"summary\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+");
    static final Pattern CLASS_JAVADOC = Pattern.compile("/\\*\\*.*?\\*/\\s*(?=public final class)", Pattern.DOTALL);
    static final Pattern TOTAL_LINE = Pattern.compile("^Total\\s+(\\d+) / (\\d+)\\s.*$");
    static final String LESSON = "lesson01-connect";
    static final String EXERCISES = LESSON + "/src/exercises/java/tcpcourse/lesson01/exercises/";
    static final String SOLUTIONS = LESSON + "/src/solutions/java/tcpcourse/lesson01/exercises/";
    static final String WRONG_1_2 = "grader/src/test/corpus/" + LESSON + "/1.2-swaps-the-ends/CallbackConnect.java";

    record Run(int exit, List<String> lines) {

        /** Each exercise line's id, with its points and the rest of its line. */
        Map<String, String[]> exercises() {
            var found = new TreeMap<String, String[]>();
            for (String line : lines) {
                Matcher matcher = EXERCISE_LINE.matcher(line);
                if (matcher.matches()) {
                    found.put(matcher.group(1), new String[] {matcher.group(3), matcher.group(4),
                            matcher.group(5) == null ? "" : matcher.group(5)});
                }
            }
            return found;
        }
    }

    static Path course;
    static Path work;
    static String sandbox = "auto";
    static int failures;

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.startsWith("--sandbox=")) {
                sandbox = arg.substring("--sandbox=".length());
            } else {
                throw new IllegalArgumentException("usage: java .ci/StudentLoop.java [--sandbox=auto|required]");
            }
        }
        course = Path.of("").toAbsolutePath();
        work = Files.createTempDirectory("student-loop-");
        Path copy = work.resolve("course");
        copyCourse(copy);

        System.out.println("1. untouched stubs: ./mvnw -q -pl " + LESSON + " test -Pstudent");
        var stubs = check(copy, "-pl", LESSON);
        expect(stubs.exit() != 0, "it fails (exit status " + stubs.exit() + ")");
        expect(stubs.lines().size() <= 40, "it prints " + stubs.lines().size() + " lines, at most 40");
        expect(stubs.exercises().size() == 3, "a line for each of the 3 exercises");
        stubs.exercises().forEach((id, line) -> expect(line[2].startsWith("not started: see lesson 1"),
                id + " is not started, and says where to read: " + line[2]));
        expect(stubs.lines().stream().noneMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*")), "no stack trace");

        System.out.println("2. exercise 1.1 solved");
        Files.copy(copy.resolve(SOLUTIONS + "TimedConnect.java"), copy.resolve(EXERCISES + "TimedConnect.java"),
                StandardCopyOption.REPLACE_EXISTING);
        var one = check(copy, "-pl", LESSON);
        expect(one.exit() != 0, "it still fails (exit status " + one.exit() + ")");
        expect(one.lines().size() <= 40, "it prints " + one.lines().size() + " lines, at most 40");
        var solved = one.exercises().get("1.1");
        expect(solved != null && solved[0].equals(solved[1]), "1.1 has full points: " + String.join(" ", solved));
        for (String id : List.of("1.2", "1.3")) {
            expect(one.exercises().get(id)[2].startsWith("not started"), id + " is not started");
        }
        samePoints(one, grade(copy, "one-solved", "1.1,1.2,1.3"));

        System.out.println("3. a wrong 1.2 beside it, written in the stub as a student does: " + WRONG_1_2);
        String stub = Files.readString(copy.resolve(EXERCISES + "CallbackConnect.java"), StandardCharsets.UTF_8);
        Matcher stubJavadoc = CLASS_JAVADOC.matcher(stub);
        expect(stubJavadoc.find(), "the stub of 1.2 has a class Javadoc");
        String wrongSource = CLASS_JAVADOC.matcher(Files.readString(course.resolve(WRONG_1_2), StandardCharsets.UTF_8))
                .replaceFirst(Matcher.quoteReplacement(stubJavadoc.group()));
        Files.writeString(copy.resolve(EXERCISES + "CallbackConnect.java"), wrongSource, StandardCharsets.UTF_8);
        var wrong = check(copy, "-pl", LESSON);
        var partial = wrong.exercises().get("1.2");
        expect(Integer.parseInt(partial[0]) < Integer.parseInt(partial[1]) && partial[2].contains("tests failed; first, "),
                "1.2 loses points and shows its first failure: " + String.join(" ", partial));
        var hint = wrong.lines().stream().filter(line -> line.startsWith("        Hint: ")).findFirst();
        expect(hint.isPresent(), "1.2's hint follows its line");
        expect(wrong.lines().size() <= 40, "it prints " + wrong.lines().size() + " lines, at most 40");
        var graded = grade(copy, "wrong-1.2", "1.1,1.2,1.3");
        samePoints(wrong, graded);
        expect(masked(graded.get("1.2")[1]).equals(masked(partial[2])), "the grader's words for 1.2, but for the ports: "
                + graded.get("1.2")[1]);
        String report = Files.readString(work.resolve("grading/wrong-1.2/report.txt"), StandardCharsets.UTF_8);
        expect(hint.isPresent() && report.lines().anyMatch(line -> line.strip().equals(hint.get().strip())),
                "the grader's hint for 1.2");

        System.out.println("4. every lesson: ./mvnw -q test -Pstudent");
        var all = check(copy);
        expect(all.exit() != 0, "it fails (exit status " + all.exit() + ")");
        var everyLesson = grade(copy, "every-lesson", null);
        expect(all.exercises().keySet().equals(everyLesson.keySet()), "a line for every exercise: " + all.exercises().keySet());
        samePoints(all, everyLesson);
        int gradedTotal = everyLesson.values().stream().mapToInt(points -> Integer.parseInt(points[0])).sum();
        var total = all.lines().stream().map(TOTAL_LINE::matcher).filter(Matcher::matches).findFirst();
        expect(total.isPresent() && Integer.parseInt(total.get().group(1)) == gradedTotal,
                "the total, " + total.map(Matcher::group).orElse("missing") + ", is the grader's " + gradedTotal);

        System.out.println("5. every exercise of lesson 1 solved");
        for (String file : List.of("TimedConnect.java", "CallbackConnect.java", "CountingServer.java")) {
            Files.copy(copy.resolve(SOLUTIONS + file), copy.resolve(EXERCISES + file), StandardCopyOption.REPLACE_EXISTING);
        }
        var done = check(copy, "-pl", LESSON);
        expect(done.exit() == 0, "it passes (exit status " + done.exit() + ")");
        done.exercises().forEach((id, line) -> expect(line[0].equals(line[1]), id + " has full points"));
        expect(done.lines().stream().anyMatch(line -> line.matches("  lesson 1 +75 / 75")), "lesson 1 has 75 / 75");

        if (failures > 0) {
            System.out.println("FAIL: " + failures + " expectation(s) did not hold; the runs are in " + work);
            System.exit(1);
        }
        System.out.println("OK: the student's check says what the grader says, in at most 40 lines");
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void expect(boolean holds, String what) {
        System.out.println((holds ? "   ok    " : "   FAIL  ") + what);
        if (!holds) {
            failures++;
        }
    }

    /** Points in the check's lines against the grader's, exercise by exercise. */
    static void samePoints(Run run, Map<String, String[]> graded) {
        run.exercises().forEach((id, line) -> expect(graded.containsKey(id) && graded.get(id)[0].equals(line[0]),
                id + ": the check's " + line[0] + " points, the grader's " + (graded.containsKey(id) ? graded.get(id)[0] : "none")));
    }

    /** A summary with its addresses and ports, which change from run to run, masked. */
    static String masked(String summary) {
        return ADDRESS.matcher(summary).replaceAll("ADDRESS");
    }

    /** The course's files, as git lists them, in a folder of their own. */
    static void copyCourse(Path copy) throws IOException, InterruptedException {
        var git = new ProcessBuilder("git", "ls-files", "-z").directory(course.toFile()).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(1, TimeUnit.MINUTES) || git.exitValue() != 0) {
            throw new IllegalStateException("git ls-files failed in " + course);
        }
        for (String file : listing.split("\0")) {
            if (file.isEmpty() || !Files.exists(course.resolve(file))) {
                continue;
            }
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(course.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** {@code ./mvnw -q [ARGS] test -Pstudent} in {@code folder}: its exit status and every line it printed. */
    static Run check(Path folder, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(folder.resolve("mvnw").toString(), "-q"));
        command.addAll(List.of(args));
        command.addAll(List.of("test", "-Pstudent"));
        Path log = Files.createTempFile(work, "check-", ".log");
        var process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the check did not end within 30 minutes: " + log);
        }
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.forEach(line -> System.out.println("   | " + line));
        return new Run(process.exitValue(), lines);
    }

    /**
     * The grader's points and summary for each exercise ({@code exercises} names, or all) of the
     * checkout {@code folder}.
     */
    static Map<String, String[]> grade(Path folder, String name, String exercises) throws IOException, InterruptedException {
        Path output = work.resolve("grading");
        String gradeArgs = "--name=" + name + " --sandbox=" + sandbox + (exercises == null ? "" : " --exercise=" + exercises)
                + " " + folder;
        var command = List.of(course.resolve("mvnw").toString(), "-B", "-q", "-pl", "grader", "compile", "exec:java",
                "-Dgrader.output=" + output, "-Dexec.args=" + gradeArgs);
        Path log = work.resolve(name + "-grading.log");
        var process = new ProcessBuilder(command).directory(course.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the grader did not grade " + name + ": " + log);
        }
        String json = Files.readString(output.resolve(name).resolve("report.json"), StandardCharsets.UTF_8);
        var graded = new TreeMap<String, String[]>();
        Matcher exercise = EXERCISE_JSON.matcher(json);
        while (exercise.find()) {
            graded.put(exercise.group(1), new String[] {exercise.group(2),
                    exercise.group(4).replace("\\\"", "\"").replace("\\\\", "\\")});
        }
        return graded;
    }
}
