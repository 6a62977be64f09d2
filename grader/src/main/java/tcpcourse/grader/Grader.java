package tcpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import tcpcourse.grader.Results.Status;

/**
 * Grades one submission: compiles its exercise classes beside the course's pristine programs,
 * then runs each exercise's grading tests in a test JVM of its own.
 */
final class Grader {

    /** The outer bound of a test JVM: this much per test, plus {@link #JVM_START}. */
    static final Duration PER_TEST = Duration.ofSeconds(25);
    static final Duration JVM_START = Duration.ofSeconds(20);

    private final Course course;
    private final ExecutorService testJvms;

    Grader(Course course, ExecutorService testJvms) {
        this.course = course;
        this.testJvms = testJvms;
    }

    /**
     * Grades the exercise sources that {@code exercisesOf} names for each lesson.
     *
     * @param work a folder of this submission's own, for compiled classes and logs
     * @param selected which exercises to grade, by id; the others are left out of the result
     */
    Results.Submission grade(String name, Path checkout, Function<Course.LessonBuild, Path> exercisesOf,
            Path work, Predicate<String> selected) throws InterruptedException {
        long start = System.nanoTime();
        var pending = new LinkedHashMap<Course.LessonBuild, List<Future<Results.Exercise>>>();
        for (var lesson : course.lessons) {
            var exercises = lesson.lesson().exercises().stream().filter(exercise -> selected.test(exercise.id())).toList();
            if (exercises.isEmpty()) {
                continue;
            }
            Path lessonWork = work.resolve(lesson.module().getFileName());
            var compiled = compileExercises(exercisesOf.apply(lesson), exercises, lesson, lessonWork);
            var futures = new ArrayList<Future<Results.Exercise>>();
            for (var exercise : exercises) {
                var classes = compiled.get(exercise.id());
                futures.add(testJvms.submit(() -> classes.errors() == null
                        ? runTests(lesson, exercise, classes.folder(), lessonWork)
                        : notCompiled(exercise, classes.errors())));
            }
            pending.put(lesson, futures);
        }
        var lessons = new ArrayList<Results.Lesson>();
        for (var entry : pending.entrySet()) {
            var exercises = new ArrayList<Results.Exercise>();
            for (var future : entry.getValue()) {
                try {
                    exercises.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
                }
            }
            lessons.add(new Results.Lesson(entry.getKey().lesson(), List.copyOf(exercises)));
        }
        return new Results.Submission(name, checkout, List.copyOf(lessons), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The classes of one exercise, or the compiler's errors for it. */
    private record Compiled(Path folder, String errors) {}

    /**
     * Compiles a lesson's exercise sources all together; if that fails, each exercise alone,
     * so that an error in one exercise costs only that exercise.
     */
    private Map<String, Compiled> compileExercises(Path sources, List<Catalogue.Exercise> exercises,
            Course.LessonBuild lesson, Path work) {
        var compiled = new HashMap<String, Compiled>();
        Path together = work.resolve("exercises");
        var errors = Javac.compile(Javac.sourcesUnder(sources), List.of(lesson.mainClasses()), null, together);
        for (var exercise : exercises) {
            Path source = sources.resolve(exercise.stubFile());
            if (!Files.isRegularFile(source)) {
                compiled.put(exercise.id(), new Compiled(null, "missing: the submission has no " + exercise.stubFile()));
            } else if (errors.isEmpty()) {
                compiled.put(exercise.id(), new Compiled(together, null));
            }
        }
        for (var exercise : exercises) {
            if (compiled.containsKey(exercise.id())) {
                continue;
            }
            Path source = sources.resolve(exercise.stubFile());
            Path alone = work.resolve("exercise-" + exercise.id());
            // -sourcepath lets javac compile the classes this exercise uses from the submission too.
            var ownErrors = Javac.compile(List.of(source), List.of(lesson.mainClasses()), sources, alone);
            // Paths in the message are shown from the exercise folder, as the student knows them.
            compiled.put(exercise.id(), new Compiled(alone, ownErrors
                    .map(messages -> Javac.firstError(messages).replace(sources + java.io.File.separator, ""))
                    .orElse(null)));
        }
        return compiled;
    }

    private static Results.Exercise notCompiled(Catalogue.Exercise exercise, String error) {
        var tests = exercise.tests().stream()
                .map(test -> new Results.Test(test.method(), 0, test.points(), Status.NOT_COMPILED, error))
                .toList();
        String summary = error.startsWith("missing:") ? error : "does not compile: " + error;
        return new Results.Exercise(exercise, summary, tests, null);
    }

    private Results.Exercise runTests(Course.LessonBuild lesson, Catalogue.Exercise exercise, Path exerciseClasses,
            Path work) throws IOException, InterruptedException {
        var classPath = new ArrayList<>(List.of(lesson.testClasses(), exerciseClasses, lesson.mainClasses(), course.testkitClasses));
        classPath.addAll(lesson.testResources());
        classPath.addAll(course.libraries);
        Path log = work.resolve("exercise-" + exercise.id() + ".log");
        var limit = JVM_START.plus(PER_TEST.multipliedBy(exercise.tests().size()));
        var outcome = TestJvm.run(classPath, exercise.testClass(), lesson.module(), course.root.resolve("testkit/hosts"),
                work.resolve("exercise-" + exercise.id() + ".results"), log, limit);
        return interpret(exercise, outcome, log);
    }

    /** Turns the runner's lines into one result per grading test, and a summary line. */
    static Results.Exercise interpret(Catalogue.Exercise exercise, TestJvm.Outcome outcome, Path log) {
        var finished = new HashMap<String, String[]>();
        String started = null;
        String classFailure = null;
        boolean done = false;
        for (String line : outcome.lines()) {
            String[] fields = line.split("\t", 3);
            switch (fields[0]) {
                case "started" -> started = fields[1];
                case "passed", "failed", "skipped" -> finished.put(fields[1], fields);
                case "class-failed" -> classFailure = fields.length > 2 ? fields[2] : "the test class failed";
                case "done" -> done = true;
                default -> { /* a line this grader does not know: ignore it */ }
            }
        }
        var tests = new ArrayList<Results.Test>();
        for (var test : exercise.tests()) {
            var result = finished.get(test.method());
            if (result != null && result[0].equals("passed")) {
                tests.add(new Results.Test(test.method(), test.points(), test.points(), Status.PASSED, ""));
            } else if (result != null) {
                String message = result.length > 2 ? result[2] : result[0];
                tests.add(new Results.Test(test.method(), 0, test.points(), Status.FAILED,
                        result[0].equals("skipped") ? "skipped: " + message : message));
            } else if (outcome.killed()) {
                tests.add(new Results.Test(test.method(), 0, test.points(), Status.TIMED_OUT,
                        test.method().equals(started)
                                ? "did not finish: the test JVM was stopped after " + outcome.limit().toSeconds()
                                        + " s (an endless loop, or a wait that never ends?)"
                                : "not run: an earlier test of this exercise did not finish"));
            } else if (!done) {
                tests.add(new Results.Test(test.method(), 0, test.points(), Status.CRASHED,
                        test.method().equals(started)
                                ? "the test JVM ended with exit status " + outcome.exitCode()
                                        + " during this test: does the exercise call System.exit?"
                                : "not run: the test JVM ended during an earlier test"));
            } else {
                tests.add(new Results.Test(test.method(), 0, test.points(), Status.FAILED,
                        classFailure != null ? classFailure : "not run"));
            }
        }
        return new Results.Exercise(exercise, summarize(tests, outcome), List.copyOf(tests), log);
    }

    private static String summarize(List<Results.Test> tests, TestJvm.Outcome outcome) {
        long passed = tests.stream().filter(test -> test.status() == Status.PASSED).count();
        if (passed == tests.size()) {
            return "passed: all " + tests.size() + " tests";
        }
        for (var test : tests) {
            if (test.status() == Status.TIMED_OUT && !test.message().startsWith("not run")) {
                return "timed out: " + test.method() + " did not finish within " + outcome.limit().toSeconds()
                        + " s, and the exercise's test JVM was stopped";
            }
            if (test.status() == Status.CRASHED && !test.message().startsWith("not run")) {
                return "crashed: the test JVM ended with exit status " + outcome.exitCode() + " during "
                        + test.method() + " (does the exercise call System.exit?)";
            }
        }
        var firstFailure = tests.stream().filter(test -> test.status() != Status.PASSED).findFirst().orElseThrow();
        return (tests.size() - passed) + " of " + tests.size() + " tests failed; first, " + firstFailure.method()
                + ": " + firstFailure.message();
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
