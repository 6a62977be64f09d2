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

    /**
     * Runs an exercise's grading tests. When the exercise hangs or ends the test JVM, the test
     * that was running scores 0 and the tests that had not run yet get a fresh JVM of their own.
     */
    private Results.Exercise runTests(Course.LessonBuild lesson, Catalogue.Exercise exercise, Path exerciseClasses,
            Path work) throws IOException, InterruptedException {
        var classPath = new ArrayList<>(List.of(lesson.testClasses(), exerciseClasses, lesson.mainClasses(), course.testkitClasses));
        classPath.addAll(lesson.testResources());
        classPath.addAll(course.libraries);
        Path log = work.resolve("exercise-" + exercise.id() + "-run1.log");
        var results = new HashMap<String, Results.Test>();
        var problems = new ArrayList<String>();
        for (int run = 1; results.size() < exercise.tests().size(); run++) {
            var remaining = exercise.tests().stream().filter(test -> !results.containsKey(test.method())).toList();
            var limit = JVM_START.plus(PER_TEST.multipliedBy(remaining.size()));
            Path runLog = work.resolve("exercise-" + exercise.id() + "-run" + run + ".log");
            var outcome = TestJvm.run(classPath, exercise.testClass(),
                    remaining.stream().map(Catalogue.Test::method).toList(),
                    lesson.module(), course.root.resolve("testkit/hosts"),
                    work.resolve("exercise-" + exercise.id() + "-run" + run + ".results"), runLog, limit);
            int before = results.size();
            interpret(remaining, outcome, results).ifPresent(problems::add);
            if (results.size() == before) {
                // Nothing started: the JVM itself could not run the tests; do not try again.
                String why = "not run: the test JVM ended before any test started (exit status "
                        + outcome.exitCode() + "; see " + runLog + ")";
                remaining.forEach(test -> results.put(test.method(),
                        new Results.Test(test.method(), 0, test.points(), Status.CRASHED, why)));
            }
        }
        var tests = exercise.tests().stream().map(test -> results.get(test.method())).toList();
        return new Results.Exercise(exercise, summarize(tests, problems), tests, log);
    }

    /**
     * Reads one test JVM's lines into {@code results}: every test that finished, and the test
     * that was running when the JVM was stopped or ended. Tests that never started are left out,
     * to be run again.
     *
     * @return what went wrong with the JVM, in one line, if it did not end normally
     */
    static java.util.Optional<String> interpret(List<Catalogue.Test> tests, TestJvm.Outcome outcome,
            Map<String, Results.Test> results) {
        var points = new HashMap<String, Integer>();
        tests.forEach(test -> points.put(test.method(), test.points()));
        String running = null;
        String classFailure = null;
        boolean done = false;
        for (String line : outcome.lines()) {
            String[] fields = line.split("\t", 3);
            String method = fields.length > 1 ? fields[1] : "";
            String message = fields.length > 2 ? fields[2] : fields[0];
            switch (fields[0]) {
                case "started" -> running = method;
                case "passed" -> {
                    results.put(method, new Results.Test(method, points.getOrDefault(method, 0),
                            points.getOrDefault(method, 0), Status.PASSED, ""));
                    running = null;
                }
                case "failed", "skipped" -> {
                    results.put(method, new Results.Test(method, 0, points.getOrDefault(method, 0), Status.FAILED,
                            fields[0].equals("skipped") ? "skipped: " + message : message));
                    running = null;
                }
                case "class-failed" -> classFailure = message;
                case "done" -> done = true;
                default -> { /* a line this grader does not know: ignore it */ }
            }
        }
        if (done) {
            for (var test : tests) {
                results.putIfAbsent(test.method(), new Results.Test(test.method(), 0, test.points(), Status.FAILED,
                        classFailure != null ? classFailure : "not run"));
            }
            return java.util.Optional.empty();
        }
        if (running == null) {
            return java.util.Optional.of(outcome.killed() ? "the test JVM was stopped" : "the test JVM ended");
        }
        String problem;
        Status status;
        if (outcome.killed()) {
            status = Status.TIMED_OUT;
            problem = "timed out: " + running + " did not finish, and its test JVM was stopped after "
                    + outcome.limit().toSeconds() + " s (an endless loop, or a wait that never ends?)";
        } else {
            status = Status.CRASHED;
            problem = "crashed: the test JVM ended with exit status " + outcome.exitCode() + " during " + running
                    + " (does the exercise call System.exit?)";
        }
        results.put(running, new Results.Test(running, 0, points.getOrDefault(running, 0), status, problem));
        return java.util.Optional.of(problem);
    }

    private static String summarize(List<Results.Test> tests, List<String> problems) {
        long passed = tests.stream().filter(test -> test.status() == Status.PASSED).count();
        if (passed == tests.size()) {
            return "passed: all " + tests.size() + " tests";
        }
        if (!problems.isEmpty()) {
            return problems.get(0) + (passed > 0 ? "; " + passed + " of " + tests.size() + " tests passed" : "");
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
