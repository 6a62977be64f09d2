package tcpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tcpcourse.grader.Results.Status;
import tcpcourse.grader.sandbox.Sandbox;
import tcpcourse.testkit.grading.Feedback;

/**
 * Grades one submission: takes each lesson's exercise sources, compiles them beside the course's
 * pristine programs, then runs the lesson's grading tests in a sandboxed test JVM.
 *
 * <p>All of a lesson's exercises share one JVM while nothing goes wrong. When a test hangs or
 * ends its JVM, the tests that had not finished run again, each exercise in a JVM of its own, so
 * that what one exercise does costs that exercise's points and nothing else.
 */
final class Grader {

    /** How long one test may run before its JVM is stopped; the tests' own timeouts are 20 s. */
    static final Duration PER_TEST = Duration.ofSeconds(30);
    /** How long a JVM may take to start, and to go from one test to the next. */
    static final Duration JVM_START = Duration.ofSeconds(30);

    private final Course course;
    private final Sandbox sandbox;
    private final ExecutorService testJvms;
    private final ThreadLocal<Integer> slot;
    private final java.util.concurrent.atomic.LongAdder jvms = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder startupNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder jvmNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder compileNanos = new java.util.concurrent.atomic.LongAdder();

    /** Where the time went, in one line: compiling, starting test JVMs, running tests. */
    String timeSpent() {
        double compile = compileNanos.sum() / 1e9;
        double startup = startupNanos.sum() / 1e9;
        double tests = (jvmNanos.sum() - startupNanos.sum()) / 1e9;
        return String.format(java.util.Locale.ROOT, "%d test JVMs; summed over the grading threads: compiling %.1f s,"
                + " starting JVMs (to the first test) %.1f s, running tests %.1f s", jvms.sum(), compile, startup, tests);
    }

    Grader(Course course, Sandbox sandbox, ExecutorService testJvms, ThreadLocal<Integer> slot) {
        this.course = course;
        this.sandbox = sandbox;
        this.testJvms = testJvms;
        this.slot = slot;
    }

    /** A submission being graded: its lessons' results arrive as their JVMs end. */
    final class Pending {
        private final String name;
        private final Path checkout;
        private final long start = System.nanoTime();
        private final Map<Course.LessonBuild, Future<Results.Lesson>> lessons = new LinkedHashMap<>();

        private Pending(String name, Path checkout) {
            this.name = name;
            this.checkout = checkout;
        }

        /** Waits for every lesson, and so for every process of this submission, to end. */
        Results.Submission get() throws InterruptedException {
            var graded = new ArrayList<Results.Lesson>();
            for (var lesson : lessons.entrySet()) {
                try {
                    graded.add(lesson.getValue().get());
                } catch (java.util.concurrent.ExecutionException e) {
                    // A fault of the grader's own with this submission costs this lesson, not the class's run.
                    String why = "not graded: the grader failed on this lesson (" + e.getCause() + ")";
                    var exercises = lesson.getKey().lesson().exercises().stream()
                            .map(exercise -> notCompiled(exercise, why)).toList();
                    graded.add(new Results.Lesson(lesson.getKey().lesson(), exercises, List.of(why), List.of()));
                }
            }
            return new Results.Submission(name, checkout, List.copyOf(graded),
                    Duration.ofNanos(System.nanoTime() - start), sandbox.description());
        }
    }

    /**
     * Starts grading the exercise sources that {@code exercisesOf} names for each lesson.
     *
     * @param work a folder of this submission's own, for its sources, classes and logs
     * @param selected which exercises to grade, by id; the others are left out of the result
     */
    Pending grade(String name, Path checkout, java.util.function.Function<Course.LessonBuild, Path> exercisesOf,
            Path work, Path logs, Predicate<String> selected) {
        var pending = new Pending(name, checkout);
        for (var lesson : course.lessons) {
            var exercises = lesson.lesson().exercises().stream().filter(exercise -> selected.test(exercise.id())).toList();
            if (exercises.isEmpty()) {
                continue;
            }
            Path lessonWork = work.resolve(lesson.module().getFileName());
            Path lessonLogs = logs.resolve(lesson.module().getFileName());
            Callable<Results.Lesson> task = () -> gradeLesson(lesson, exercises, checkout, exercisesOf.apply(lesson),
                    lessonWork, lessonLogs);
            pending.lessons.put(lesson, testJvms.submit(task));
        }
        return pending;
    }

    private Results.Lesson gradeLesson(Course.LessonBuild lesson, List<Catalogue.Exercise> exercises, Path checkout,
            Path exercisesRoot, Path work, Path logs) throws IOException, InterruptedException {
        long compileStart = System.nanoTime();
        var taken = Intake.take(checkout, exercisesRoot, lesson.exercisesPackage(), work.resolve("sources"));
        var compiled = compileExercises(taken.sources(), exercises, lesson, work);
        compileNanos.add(System.nanoTime() - compileStart);
        var notes = new ArrayList<>(taken.leftOut());
        compiled.values().stream().flatMap(classes -> classes.notes().stream()).distinct().forEach(notes::add);
        var results = new LinkedHashMap<String, Results.Exercise>();
        // Exercises compiled together share a JVM; one compiled alone runs alone.
        var units = new LinkedHashMap<Path, List<Catalogue.Exercise>>();
        for (var exercise : exercises) {
            var classes = compiled.get(exercise.id());
            if (classes.errors() != null) {
                results.put(exercise.id(), notCompiled(exercise, classes.errors()));
            } else {
                units.computeIfAbsent(classes.folder(), folder -> new ArrayList<>()).add(exercise);
            }
        }
        for (var unit : units.entrySet()) {
            for (var result : runTests(lesson, unit.getValue(), unit.getKey(), logs).entrySet()) {
                results.put(result.getKey(), result.getValue());
            }
        }
        var ordered = exercises.stream().map(exercise -> results.get(exercise.id())).toList();
        return new Results.Lesson(lesson.lesson(), ordered, List.copyOf(notes), taken.flags());
    }

    /** The classes of one exercise, or the compiler's errors for it, and what was left out of them. */
    private record Compiled(Path folder, String errors, List<String> notes) {}

    /**
     * Compiles a lesson's exercise sources all together; if that fails, each exercise alone,
     * so that an error in one exercise costs only that exercise.
     */
    private Map<String, Compiled> compileExercises(Path sources, List<Catalogue.Exercise> exercises,
            Course.LessonBuild lesson, Path work) {
        var compiled = new HashMap<String, Compiled>();
        Path together = work.resolve("classes");
        var errors = compile(Javac.sourcesUnder(sources), lesson, null, together);
        var notes = errors.isEmpty() ? keepOnlyExerciseClasses(together, lesson) : List.<String>of();
        for (var exercise : exercises) {
            Path source = sources.resolve(exercise.stubFile());
            if (!Files.isRegularFile(source)) {
                compiled.put(exercise.id(), new Compiled(null, "missing: the submission has no " + exercise.stubFile(), List.of()));
            } else if (errors.isEmpty()) {
                compiled.put(exercise.id(), new Compiled(together, null, notes));
            }
        }
        for (var exercise : exercises) {
            if (compiled.containsKey(exercise.id())) {
                continue;
            }
            Path source = sources.resolve(exercise.stubFile());
            Path alone = work.resolve("classes-" + exercise.id());
            // -sourcepath lets javac compile the classes this exercise uses from the submission too.
            var ownErrors = compile(List.of(source), lesson, sources, alone);
            var ownNotes = ownErrors.isEmpty() ? keepOnlyExerciseClasses(alone, lesson) : List.<String>of();
            // Paths in the message are shown from the exercise folder, as the student knows them.
            compiled.put(exercise.id(), new Compiled(alone, ownErrors
                    .map(messages -> Javac.firstError(messages).replace(sources + java.io.File.separator, ""))
                    .orElse(null), ownNotes));
        }
        return compiled;
    }

    private static Optional<String> compile(List<Path> sources, Course.LessonBuild lesson, Path sourcePath, Path output) {
        try {
            return Javac.compile(sources, List.of(lesson.mainClasses()), sourcePath, output);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError gaveUp) {
            return Optional.of("error: the compiler gave up on these sources (" + gaveUp.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Deletes every compiled class outside the lesson's exercises package, and every class that
     * has the name of one of the course's own: the course's classes are what the tests use.
     */
    private static List<String> keepOnlyExerciseClasses(Path classes, Course.LessonBuild lesson) {
        var notes = new ArrayList<String>();
        String prefix = lesson.exercisesPackage() + ".";
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                String outer = name.replaceFirst("\\$.*", "");
                if (!name.startsWith(prefix) || name.substring(prefix.length()).contains(".")) {
                    notes.add("left out: class " + outer + " (only classes of package " + lesson.exercisesPackage()
                            + " are graded)");
                    Files.delete(file);
                } else if (lesson.courseClasses().contains(name)) {
                    notes.add("left out: class " + outer + " (the course's own class of that name is used)");
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notes.stream().distinct().toList();
    }

    private static Results.Exercise notCompiled(Catalogue.Exercise exercise, String error) {
        var tests = exercise.tests().stream()
                .map(test -> new Results.Test(test.method(), 0, test.points(), Status.NOT_COMPILED, error))
                .toList();
        String summary = error.startsWith("missing:") || error.startsWith("not graded:") ? error
                : "does not compile: " + error;
        return new Results.Exercise(exercise, summary, tests, null);
    }

    /** A grading test of an exercise, as the runner names it. */
    private record Planned(Catalogue.Exercise exercise, Catalogue.Test test) {
        String key() {
            return exercise.testClass() + "\t" + test.method();
        }
    }

    /**
     * Runs the grading tests of {@code exercises} in one JVM. When it hangs or ends during a test,
     * the tests that did not finish are run again, each exercise alone, unless only that test's
     * own exercise had run in it: then the test that was running scores 0.
     */
    private Map<String, Results.Exercise> runTests(Course.LessonBuild lesson, List<Catalogue.Exercise> exercises,
            Path classes, Path logs) throws IOException, InterruptedException {
        var planned = new ArrayList<Planned>();
        exercises.forEach(exercise -> exercise.tests().forEach(test -> planned.add(new Planned(exercise, test))));
        var results = new HashMap<String, Results.Test>();
        var problems = new HashMap<Catalogue.Exercise, String>();
        var logOf = new HashMap<Catalogue.Exercise, Path>();
        for (int run = 1; results.size() < planned.size(); run++) {
            var remaining = planned.stream().filter(test -> !results.containsKey(test.key())).toList();
            String label = exercises.size() == 1 ? exercises.get(0).id() : "lesson" + lesson.lesson().number();
            Path log = logs.resolve(label + "-run" + run + ".log");
            var outcome = TestJvm.run(command(lesson, classes, remaining), log, JVM_START, PER_TEST);
            jvms.increment();
            startupNanos.add(outcome.startup().toNanos());
            jvmNanos.add(outcome.total().toNanos());
            remaining.forEach(test -> logOf.putIfAbsent(test.exercise(), log));
            int before = results.size();
            var startedExercises = interpret(remaining, outcome, results, problems);
            if (outcome.running() != null && exercises.size() > 1 && startedExercises.size() > 1) {
                // Another exercise's code had run in this JVM: each exercise gets a JVM of its own.
                results.remove(outcome.running());
                var byExercise = new LinkedHashMap<Catalogue.Exercise, Results.Exercise>();
                for (var exercise : exercises) {
                    boolean unfinished = exercise.tests().stream()
                            .anyMatch(test -> !results.containsKey(exercise.testClass() + "\t" + test.method()));
                    if (unfinished) {
                        var alone = runTestsOf(lesson, exercise, classes, logs, results);
                        byExercise.put(exercise, alone);
                    }
                }
                return collect(exercises, results, problems, logOf, byExercise);
            }
            if (results.size() == before) {
                // Nothing finished: the JVM itself could not run the tests; do not try again.
                String why = outcome.problem() != null ? outcome.problem()
                        : "not run: the test JVM ended before any test started (exit status " + outcome.exitCode()
                                + "; see " + log + ")";
                remaining.forEach(test -> results.put(test.key(),
                        new Results.Test(test.test().method(), 0, test.test().points(), Status.CRASHED, why)));
            }
        }
        return collect(exercises, results, problems, logOf, Map.of());
    }

    /** The tests of one exercise that have no result yet, in JVMs of their own. */
    private Results.Exercise runTestsOf(Course.LessonBuild lesson, Catalogue.Exercise exercise, Path classes, Path logs,
            Map<String, Results.Test> earlier) throws IOException, InterruptedException {
        var results = new HashMap<String, Results.Test>();
        exercise.tests().forEach(test -> {
            var result = earlier.get(exercise.testClass() + "\t" + test.method());
            if (result != null) {
                results.put(exercise.testClass() + "\t" + test.method(), result);
            }
        });
        var one = runTests(lesson, List.of(exercise), classes, logs.resolve("alone"));
        var rerun = one.get(exercise.id());
        // The earlier results stand; the re-run gives the rest.
        var tests = new ArrayList<Results.Test>();
        for (int i = 0; i < exercise.tests().size(); i++) {
            var test = exercise.tests().get(i);
            tests.add(results.getOrDefault(exercise.testClass() + "\t" + test.method(), rerun.tests().get(i)));
        }
        return new Results.Exercise(exercise, summarize(exercise, tests, rerun.summary().startsWith("passed") ? List.of()
                : List.of(rerun.summary())), tests, rerun.log());
    }

    private static Map<String, Results.Exercise> collect(List<Catalogue.Exercise> exercises,
            Map<String, Results.Test> results, Map<Catalogue.Exercise, String> problems,
            Map<Catalogue.Exercise, Path> logs, Map<Catalogue.Exercise, Results.Exercise> replaced) {
        var collected = new LinkedHashMap<String, Results.Exercise>();
        for (var exercise : exercises) {
            if (replaced.containsKey(exercise)) {
                collected.put(exercise.id(), replaced.get(exercise));
                continue;
            }
            var tests = exercise.tests().stream()
                    .map(test -> results.get(exercise.testClass() + "\t" + test.method()))
                    .toList();
            var problem = problems.get(exercise);
            collected.put(exercise.id(), new Results.Exercise(exercise,
                    summarize(exercise, tests, problem == null ? List.of() : List.of(problem)), tests, logs.get(exercise)));
        }
        return collected;
    }

    /** The test JVM's command line, in the sandbox's paths. */
    private List<String> command(Course.LessonBuild lesson, Path classes, List<Planned> tests) {
        var inside = new Paths(course.visible, classes, sandbox.isolated());
        var classPath = new ArrayList<Path>(List.of(lesson.testClasses(), lesson.mainClasses(), course.testkitClasses,
                course.runnerClasses, lesson.testResources()));
        classPath.addAll(course.libraries);
        // The submission's classes come last: no class of it can stand in for one of the course's.
        classPath.add(classes);
        var java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Names resolve from the course's hosts file only: no DNS query leaves the machine.
                "-Djdk.net.hosts.file=" + inside.of(course.visible.resolve("hosts")),
                "-Djava.io.tmpdir=" + (sandbox.isolated() ? "/tmp" : System.getProperty("java.io.tmpdir"))));
        java.addAll(Sandbox.jvmOptions());
        java.addAll(List.of("--module-path", inside.of(course.channelModule).toString(),
                "-cp", ClassPath.join(classPath.stream().map(inside::of).toList()),
                TestJvm.RUNNER, "--channel"));
        tests.forEach(test -> java.add(test.exercise().testClass() + "#" + test.test().method()));
        var readOnly = new LinkedHashMap<Path, Path>();
        readOnly.put(Sandbox.COURSE, course.visible);
        readOnly.put(Sandbox.SUBMISSION, classes);
        Integer mySlot = slot.get();
        return sandbox.command(java, readOnly, mySlot == null ? 0 : mySlot);
    }

    /** Host paths as the test JVM sees them: the course and the submission's classes where the sandbox shows them. */
    private record Paths(Path course, Path submission, boolean sandboxed) {
        Path of(Path host) {
            if (!sandboxed) {
                return host;
            }
            if (host.startsWith(course)) {
                return Sandbox.COURSE.resolve(course.relativize(host).toString());
            }
            if (host.startsWith(submission)) {
                return Sandbox.SUBMISSION.resolve(submission.relativize(host).toString());
            }
            throw new IllegalArgumentException(host + " is not in the sandbox");
        }
    }

    /**
     * Reads one test JVM's lines into {@code results}: every test that finished, and the test
     * that was running when the JVM was stopped or ended. Tests that never started are left out,
     * to be run again.
     *
     * @return the exercises that had a test started in this JVM
     */
    private static java.util.Set<Catalogue.Exercise> interpret(List<Planned> tests, TestJvm.Outcome outcome,
            Map<String, Results.Test> results, Map<Catalogue.Exercise, String> problems) {
        var byKey = new HashMap<String, Planned>();
        tests.forEach(test -> byKey.put(test.key(), test));
        var started = new LinkedHashSet<Catalogue.Exercise>();
        var classFailures = new HashMap<String, String>();
        boolean done = false;
        for (String line : outcome.lines()) {
            String[] fields = line.split("\t", 4);
            String key = fields.length >= 3 ? fields[1] + "\t" + fields[2] : "";
            String message = fields.length >= 4 ? fields[3] : "";
            var test = byKey.get(key);
            switch (fields[0]) {
                case "started" -> {
                    if (test != null) {
                        started.add(test.exercise());
                    }
                }
                case "passed" -> {
                    if (test != null) {
                        results.put(key, new Results.Test(test.test().method(), test.test().points(),
                                test.test().points(), Status.PASSED, ""));
                    }
                }
                case "failed", "skipped" -> {
                    if (test != null) {
                        results.put(key, new Results.Test(test.test().method(), 0, test.test().points(), Status.FAILED,
                                fields[0].equals("skipped") ? "skipped: " + message : message));
                    }
                }
                case "class-failed" -> classFailures.put(fields.length > 1 ? fields[1] : "", message);
                case "done" -> done = true;
                default -> { /* a line this grader does not know: ignore it */ }
            }
        }
        if (done) {
            for (var test : tests) {
                results.putIfAbsent(test.key(), new Results.Test(test.test().method(), 0, test.test().points(),
                        Status.FAILED, classFailures.getOrDefault(test.exercise().testClass(), "not run")));
            }
            return started;
        }
        var running = outcome.running() == null ? null : byKey.get(outcome.running());
        if (running == null) {
            return started;
        }
        Status status;
        String problem;
        if (outcome.killed()) {
            status = Status.TIMED_OUT;
            problem = "timed out: " + running.test().method() + " did not finish within " + outcome.bound().toSeconds()
                    + " s, and its test JVM was stopped (an endless loop, or a wait that never ends?)";
        } else {
            status = Status.CRASHED;
            problem = "crashed: the test JVM ended with exit status " + outcome.exitCode() + " during "
                    + running.test().method() + " (does the exercise call System.exit or Runtime.halt?)";
        }
        results.put(running.key(), new Results.Test(running.test().method(), 0, running.test().points(), status, problem));
        problems.putIfAbsent(running.exercise(), problem);
        return started;
    }

    /** What happened to an exercise, in the words the student's check uses too; see {@link Feedback#summary}. */
    private static String summarize(Catalogue.Exercise exercise, List<Results.Test> tests, List<String> problems) {
        var outcomes = tests.stream()
                .map(test -> new Feedback.Outcome(test.method(), test.status() == Status.PASSED, test.message()))
                .toList();
        return Feedback.summary(exercise.id(), outcomes, problems);
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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
