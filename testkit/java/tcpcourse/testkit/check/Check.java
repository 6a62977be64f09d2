package tcpcourse.testkit.check;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Feedback;
import tcpcourse.testkit.grading.Points;

/**
 * The student's check: runs a lesson's grading tests on the exercises compiled beside them and
 * prints one line per exercise, with the grader's points and words ({@link Feedback}).
 *
 * <p>{@code ./mvnw -q -pl lesson01-connect test -Pstudent} runs it in a JVM of its own
 * ({@link CheckJvm}, started by {@link StudentCheck}); the course's own tests run it in theirs,
 * on copies of the stubs and of the solutions, to show and to prove what it prints.
 */
public final class Check {

    private static final Pattern LESSON_FOLDER = Pattern.compile("lesson(\\d+)-.+");

    private Check() {}

    /** One grading test: a test method and its points. */
    public record GradingTest(Method method, int points) {}

    /** One exercise, as its grading test class declares it, with the hint of its stub's Javadoc. */
    public record GradedExercise(String id, String title, Class<?> testClass, List<GradingTest> tests, String hint) {

        public int testPoints() {
            return tests.stream().mapToInt(GradingTest::points).sum();
        }

        public int completionPoints() {
            return Feedback.completionPoints(testPoints());
        }

        public int maxPoints() {
            return testPoints() + completionPoints();
        }
    }

    /** A lesson module and its exercises, in the order of their numbers. */
    public record Lesson(int number, String module, Path folder, List<GradedExercise> exercises) {

        /** The lesson's page, "Lesson 1: opening a connection", and its source, or empty. */
        Optional<String> page() {
            Path page = folder.resolveSibling("docs/src/docs/asciidoc").resolve(module + ".adoc");
            try (Stream<String> lines = Files.lines(page, StandardCharsets.UTF_8)) {
                return lines.findFirst()
                        .filter(title -> title.startsWith("= "))
                        .map(title -> "\"" + title.substring(2).strip() + "\", docs/src/docs/asciidoc/" + module + ".adoc");
            } catch (IOException | UncheckedIOException noPage) {
                return Optional.empty();
            }
        }
    }

    /** What one exercise's grading tests found: an outcome per test, and the failures themselves. */
    public record Result(GradedExercise exercise, List<Feedback.Outcome> outcomes, Map<String, Throwable> failures) {

        /** True when every grading test of the exercise passed. */
        public boolean complete() {
            return !outcomes.isEmpty() && outcomes.stream().allMatch(Feedback.Outcome::passed);
        }

        /** The points, as the grader counts them: each passed test's, and the completion points when all pass. */
        public int score() {
            int passed = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).passed()) {
                    passed += exercise.tests().get(i).points();
                }
            }
            return passed + (complete() ? exercise.completionPoints() : 0);
        }

        public String summary() {
            return Feedback.summary(exercise.id(), outcomes, List.of());
        }

        public boolean notStarted() {
            return summary().startsWith(Feedback.NOT_STARTED + ":");
        }
    }

    /** A lesson's checked exercises: those selected, in order. */
    public record LessonResult(Lesson lesson, List<Result> results) {

        public int score() {
            return results.stream().mapToInt(Result::score).sum();
        }

        public int maxPoints() {
            return results.stream().mapToInt(result -> result.exercise().maxPoints()).sum();
        }

        public boolean full() {
            return score() == maxPoints();
        }
    }

    /**
     * Finds the grading tests of the lesson in {@code folder}: every class {@code *Test} of an
     * {@code exercises} package under {@code testClasses}, loaded by {@code loader}.
     *
     * @throws IllegalStateException when a grading test class lacks {@code @Exercise} or a test its {@code @Points}
     */
    public static Lesson find(Path folder, Path testClasses, ClassLoader loader) {
        String module = folder.toAbsolutePath().normalize().getFileName().toString();
        Matcher lessonFolder = LESSON_FOLDER.matcher(module);
        if (!lessonFolder.matches()) {
            throw new IllegalStateException(folder + " is not a lesson's folder (lessonNN-name)");
        }
        var exercises = new ArrayList<GradedExercise>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(Check::isGradingTestClass).sorted().toList()) {
                String className = testClasses.relativize(file).toString()
                        .replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                exercises.add(exercise(folder, loader.loadClass(className)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the grading test " + e.getMessage(), e);
        }
        exercises.sort(Comparator.comparing(GradedExercise::id, Check::compareIds));
        return new Lesson(Integer.parseInt(lessonFolder.group(1)), module, folder.toAbsolutePath().normalize(),
                List.copyOf(exercises));
    }

    /** The same classes as the grader takes for grading tests. */
    private static boolean isGradingTestClass(Path file) {
        String name = file.getFileName().toString();
        Path parent = file.getParent();
        return name.endsWith("Test.class") && !name.contains("$")
                && parent != null && parent.getFileName().toString().equals("exercises");
    }

    private static GradedExercise exercise(Path folder, Class<?> testClass) {
        var exercise = testClass.getAnnotation(Exercise.class);
        if (exercise == null) {
            throw new IllegalStateException(testClass.getName() + " grades an exercise but has no @Exercise");
        }
        var tests = new ArrayList<GradingTest>();
        for (Method method : testClass.getDeclaredMethods()) {
            if (method.getAnnotation(Test.class) == null) {
                continue;
            }
            var points = method.getAnnotation(Points.class);
            if (points == null) {
                throw new IllegalStateException(testClass.getName() + "." + method.getName()
                        + " is a grading test without @Points");
            }
            tests.add(new GradingTest(method, points.value()));
        }
        // The grader's order: by name, so "first failure" means the same test in both.
        tests.sort(Comparator.comparing(test -> test.method().getName()));
        Path stub = folder.resolve("src/exercises/java")
                .resolve(testClass.getName().replaceFirst("Test$", "").replace('.', '/') + ".java");
        String hint;
        try {
            hint = Feedback.paragraphOf(Files.readString(stub, StandardCharsets.UTF_8), "Hint:");
        } catch (IOException noStub) {
            hint = "";
        }
        if (hint.isEmpty()) {
            // The student's file is the stub they were given: its Javadoc may be gone.
            hint = "Hint: see exercise " + exercise.id() + " on lesson " + exercise.id().replaceFirst("\\..*", "")
                    + "'s page; " + stub.getFileName() + " no longer has its Javadoc.";
        }
        return new GradedExercise(exercise.id(), exercise.title(), testClass, List.copyOf(tests), hint);
    }

    /** Orders "1.2" before "1.10". */
    static int compareIds(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * Runs the grading tests of the {@code selected} exercises of {@code lesson}, one exercise
     * after the other, and prints the lesson's lines to {@code out} as each exercise ends.
     *
     * @param traces whether to print each failure's stack trace under its exercise's line
     */
    public static LessonResult run(Lesson lesson, Predicate<String> selected, boolean traces, PrintStream out) {
        var exercises = lesson.exercises().stream().filter(exercise -> selected.test(exercise.id())).toList();
        var results = new ArrayList<Result>();
        if (exercises.isEmpty()) {
            return new LessonResult(lesson, List.of());
        }
        out.println(Feedback.lessonHeading(lesson.number(), lesson.module()));
        out.flush();
        Launcher launcher = LauncherFactory.create();
        for (var exercise : exercises) {
            var result = run(launcher, exercise);
            results.add(result);
            for (String line : lines(result, traces)) {
                out.println(line);
            }
            out.flush();
        }
        var checked = new LessonResult(lesson, List.copyOf(results));
        for (String line : closingLines(checked)) {
            out.println(line);
        }
        out.flush();
        return checked;
    }

    /** The exercise's line; for an exercise that lost points but was started, its hint; with {@code traces}, each failure's trace. */
    static List<String> lines(Result result, boolean traces) {
        var exercise = result.exercise();
        var lines = new ArrayList<String>();
        lines.add(Feedback.exerciseLine(exercise.id(), exercise.title(), result.score(), exercise.maxPoints(),
                result.summary()));
        if (!result.complete() && !result.notStarted()) {
            lines.add("        " + exercise.hint());
        }
        if (traces) {
            result.failures().forEach((method, failure) -> {
                lines.add("    " + method + ":");
                var trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                trace.toString().lines().forEach(line -> lines.add("      " + line));
            });
        }
        return lines;
    }

    /** The lesson's points; when some are missing, where to read and how to look closer. */
    static List<String> closingLines(LessonResult checked) {
        var lines = new ArrayList<String>();
        lines.add(Feedback.lessonLine(checked.lesson().number(), checked.score(), checked.maxPoints()));
        if (!checked.full()) {
            checked.lesson().page().ifPresent(page -> lines.add("Read lesson " + checked.lesson().number() + ": " + page));
            String next = checked.results().stream().filter(result -> !result.complete()).findFirst()
                    .map(result -> result.exercise().id()).orElseThrow();
            lines.add((checked.results().size() > 1 ? "Check one exercise: -Dexercise=" + next + ". " : "")
                    + "See the stack traces: -Dtraces.");
        }
        return lines;
    }

    /** Runs one exercise's grading tests, as the grader does: each test method, in the order of their names. */
    private static Result run(Launcher launcher, GradedExercise exercise) {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(exercise.tests().stream().map(test -> selectMethod(exercise.testClass(), test.method())).toList())
                .build();
        var listener = new Outcomes();
        launcher.execute(request, listener);
        var outcomes = new ArrayList<Feedback.Outcome>();
        var failures = new java.util.LinkedHashMap<String, Throwable>();
        for (var test : exercise.tests()) {
            String name = test.method().getName();
            var finished = listener.finished.get(name);
            if (finished == null) {
                // Never run: its class failed as a whole (in @BeforeAll, say), as the grader counts it.
                Throwable classFailure = listener.classFailure;
                outcomes.add(new Feedback.Outcome(name, false,
                        classFailure == null ? "not run" : Feedback.failure(classFailure)));
                if (classFailure != null) {
                    failures.put(name, classFailure);
                }
            } else if (finished.skipReason() != null) {
                outcomes.add(new Feedback.Outcome(name, false, "skipped: " + Feedback.oneLine(finished.skipReason())));
            } else if (finished.failure() == null) {
                outcomes.add(new Feedback.Outcome(name, true, ""));
            } else {
                outcomes.add(new Feedback.Outcome(name, false, Feedback.failure(finished.failure())));
                failures.put(name, finished.failure());
            }
        }
        return new Result(exercise, List.copyOf(outcomes), failures);
    }

    /** How a test method ended: passed (both null), failed, or skipped. */
    private record Finished(Throwable failure, String skipReason) {}

    /** Collects how each test method of one exercise ended. */
    private static final class Outcomes implements TestExecutionListener {

        final Map<String, Finished> finished = new HashMap<>();
        volatile Throwable classFailure;

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            method(test).ifPresent(method -> finished.put(method, new Finished(null, reason)));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            var method = method(test);
            if (method.isEmpty()) {
                if (test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                    result.getThrowable().ifPresent(failure -> classFailure = failure);
                }
                return;
            }
            var failure = switch (result.getStatus()) {
                case SUCCESSFUL -> null;
                case FAILED, ABORTED -> result.getThrowable().orElseGet(() -> new AssertionError("failed"));
            };
            finished.put(method.get(), new Finished(failure, null));
        }

        private static Optional<String> method(TestIdentifier test) {
            return test.getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(MethodSource.class::cast)
                    .map(MethodSource::getMethodName);
        }
    }
}
