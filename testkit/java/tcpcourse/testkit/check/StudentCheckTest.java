package tcpcourse.testkit.check;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Transcripts;
import tcpcourse.testkit.grading.Feedback;

/**
 * The student's check on three checkouts of the lesson whose tests run this class (every lesson
 * has it, from testkit): the untouched stubs, the first exercise solved, and every exercise
 * solved (lesson 1's). Each checkout's exercises are compiled apart and loaded beside the
 * lesson's grading tests, which then run in this JVM through the same code as
 * {@code ./mvnw test -Pstudent}. The first two runs are recorded for the lesson's page.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StudentCheckTest {

    /** The lesson's folder: Maven runs its tests there. */
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void saysNotStartedForEveryUntouchedStubAndFailsTheBuild(@TempDir Path classes) throws Exception {
        var checkout = Checkout.compile(stubs(), classes);

        var printed = new CapturedOutput();
        var checked = Check.run(checkout.lesson(), id -> true, false, printed.printStream());

        assertThat(checked.results()).isNotEmpty().allSatisfy(result -> {
            assertThat(result.notStarted()).as(result.summary()).isTrue();
            assertThat(result.score()).isZero();
        });
        assertThat(StudentCheck.verdict(List.of(StudentCheck.Tally.of(checked)), Set.of()))
                .hasValueSatisfying(failure -> assertThat(failure).contains("is not done yet: 0 / "));
        assertThat(printed.lines()).hasSizeLessThanOrEqualTo(checked.results().size() + 4)
                .noneMatch(line -> line.contains("\tat "));
        Transcripts.write("check-untouched.txt", printed.lines());
    }

    @Test
    void givesTheSolvedExerciseItsFullLineAndTheRestNotStarted(@TempDir Path classes) throws Exception {
        var first = firstExercise();
        var sources = new ArrayList<>(stubs());
        sources.replaceAll(stub -> stub.endsWith(first) ? solutions().resolve(first) : stub);
        var checkout = Checkout.compile(sources, classes);

        var printed = new CapturedOutput();
        var checked = Check.run(checkout.lesson(), id -> true, false, printed.printStream());

        var solved = checked.results().get(0);
        assertThat(solved.complete()).as(solved.summary()).isTrue();
        assertThat(solved.score()).isEqualTo(solved.exercise().maxPoints());
        int points = solved.exercise().maxPoints();
        assertThat(printed.lines()).contains(Feedback.exerciseLine(solved.exercise().id(), solved.exercise().title(),
                points, points, "passed: all " + solved.exercise().tests().size() + " tests"));
        assertThat(checked.results().subList(1, checked.results().size())).allMatch(Check.Result::notStarted);
        assertThat(StudentCheck.verdict(List.of(StudentCheck.Tally.of(checked)), Set.of())).isPresent();
        var solvedAlone = new Check.LessonResult(checkout.lesson(), List.of(solved));
        assertThat(StudentCheck.verdict(List.of(StudentCheck.Tally.of(solvedAlone)), Set.of(solved.exercise().id())))
                .as("-Dexercise=" + solved.exercise().id()).isEmpty();
        Transcripts.write("check-one-solved.txt", printed.lines());
    }

    @Test
    void givesFullPointsWhenEveryExerciseIsSolvedAndPassesTheBuild(@TempDir Path classes) throws Exception {
        // Every lesson's grading tests already run on the solutions in this build: counting a full
        // run is proved once, on lesson 1, rather than paid for again in every lesson.
        assumeTrue(MODULE.getFileName().toString().startsWith("lesson01-"), "proved on lesson 1");
        var checkout = Checkout.compile(solutionsOfEveryExercise(), classes);

        var printed = new CapturedOutput();
        var checked = Check.run(checkout.lesson(), id -> true, false, printed.printStream());

        assertThat(checked.results()).allSatisfy(result -> assertThat(result.complete()).as(result.summary()).isTrue());
        assertThat(checked.full()).isTrue();
        assertThat(StudentCheck.verdict(List.of(StudentCheck.Tally.of(checked)), Set.of())).isEmpty();
        assertThat(printed.lines()).last().asString()
                .matches("  lesson \\d+ +" + checked.maxPoints() + " / " + checked.maxPoints());
    }

    /** The grader's points table, which CI regenerates from the grader and compares: the same points, exercise by exercise. */
    @Test
    void countsTheGradersPoints(@TempDir Path classes) throws Exception {
        var lesson = Checkout.compile(stubs(), classes).lesson();

        var table = gradersPointsTable();

        assertThat(lesson.exercises()).isNotEmpty().allSatisfy(exercise -> {
            assertThat(table).containsKey(exercise.id());
            assertThat(table.get(exercise.id())).isEqualTo(List.of(exercise.title(),
                    Integer.toString(exercise.tests().size()), Integer.toString(exercise.testPoints()),
                    Integer.toString(exercise.completionPoints()), Integer.toString(exercise.maxPoints())));
        });
        assertThat(table.keySet().stream().filter(id -> id.startsWith(lesson.number() + ".")))
                .containsExactlyInAnyOrderElementsOf(lesson.exercises().stream().map(Check.GradedExercise::id).toList());
    }

    /** Rows of docs/.../_points.adoc: id to title, tests, their points, all-pass points, points. */
    private static Map<String, List<String>> gradersPointsTable() throws IOException {
        var row = Pattern.compile("^\\| (\\d+\\.\\d+) \\| (.+?) \\| .* \\| (\\d+) \\((\\d+)\\) \\| (\\d+) \\| (\\d+)$");
        var table = new HashMap<String, List<String>>();
        for (String line : Files.readAllLines(MODULE.resolveSibling("docs/src/docs/asciidoc/_points.adoc"), UTF_8)) {
            var matcher = row.matcher(line);
            if (matcher.matches()) {
                table.put(matcher.group(1), List.of(matcher.group(2), matcher.group(3), matcher.group(4),
                        matcher.group(5), matcher.group(6)));
            }
        }
        return table;
    }

    private static Path exercisesFolder(Path sources) {
        return sources.resolve(exercisesPackage().replace('.', '/'));
    }

    private static List<Path> stubs() throws IOException {
        return javaFiles(exercisesFolder(MODULE.resolve("src/exercises/java")));
    }

    private static Path solutions() {
        return exercisesFolder(MODULE.resolve("src/solutions/java"));
    }

    private static List<Path> solutionsOfEveryExercise() throws IOException {
        return javaFiles(solutions());
    }

    /** The file name of the lesson's first exercise, for example TimedConnect.java. */
    private static String firstExercise() throws Exception {
        try (var loader = Checkout.loader(List.of())) {
            var lesson = Check.find(MODULE, Checkout.testClasses(), loader);
            return lesson.exercises().get(0).testClass().getSimpleName().replaceFirst("Test$", "") + ".java";
        }
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The package of this lesson's exercises, for example tcpcourse.lesson01.exercises. */
    private static String exercisesPackage() {
        var number = Pattern.compile("lesson(\\d+)-.+").matcher(MODULE.getFileName().toString());
        if (!number.matches()) {
            throw new IllegalStateException("not run in a lesson's folder: " + MODULE);
        }
        return String.format(Locale.ROOT, "tcpcourse.lesson%02d.exercises", Integer.parseInt(number.group(1)));
    }

    /** A checkout's exercises, compiled apart, and the lesson's grading tests loaded beside them. */
    private record Checkout(Check.Lesson lesson) {

        static Checkout compile(List<Path> sources, Path classes) throws IOException {
            var compiler = ToolProvider.getSystemJavaCompiler();
            var errors = new StringWriter();
            var options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-proc:none", "-d",
                    classes.toString(), "-classpath", mainClasses() + java.io.File.pathSeparator
                            + System.getProperty("java.class.path")));
            var files = compiler.getStandardFileManager(null, Locale.ROOT, UTF_8).getJavaFileObjectsFromPaths(sources);
            boolean compiled = compiler.getTask(errors, null, null, options, null, files).call();
            assertThat(compiled).as("the checkout compiles: %s", errors).isTrue();
            // Loaded for good: the lesson's test classes stay in use until the JVM ends.
            var loader = loader(List.of(classes));
            return new Checkout(Check.find(MODULE, testClasses(), loader));
        }

        /**
         * A class loader that takes the exercises package from {@code exercises} first, then from
         * the lesson's tests and programs, so that the grading tests, loaded with it, use the
         * checkout's exercises; everything else comes from this JVM's class path.
         */
        static URLClassLoader loader(List<Path> exercises) {
            var roots = new ArrayList<>(exercises);
            roots.add(testClasses());
            roots.add(mainClasses());
            String prefix = exercisesPackage() + ".";
            return new URLClassLoader(urls(roots), StudentCheckTest.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (!name.startsWith(prefix)) {
                        return super.loadClass(name, resolve);
                    }
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        if (loaded == null) {
                            loaded = findClass(name);
                        }
                        if (resolve) {
                            resolveClass(loaded);
                        }
                        return loaded;
                    }
                }
            };
        }

        /** Where the lesson's tests are compiled: testkit, this class's, is compiled with them. */
        static Path testClasses() {
            // The lesson's build says where (this class itself is testkit's, in a folder of its own).
            String given = System.getProperty("course.test.classes");
            if (given != null) {
                return Path.of(given);
            }
            try {
                return Path.of(StudentCheckTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Where the lesson's programs (and the solutions the default build compiles) are. */
        static Path mainClasses() {
            String given = System.getProperty("course.main.classes");
            if (given != null) {
                return Path.of(given);
            }
            try {
                var roots = new ArrayList<Path>();
                String folder = exercisesPackage().replace('.', '/') + "/";
                for (URL url : Collections.list(StudentCheckTest.class.getClassLoader().getResources(folder))) {
                    if (url.getProtocol().equals("file")) {
                        Path root = Path.of(url.toURI());
                        for (int i = 0; i < folder.split("/").length; i++) {
                            root = root.getParent();
                        }
                        roots.add(root);
                    }
                }
                roots.remove(testClasses());
                assertThat(roots).as("the lesson's compiled programs").hasSize(1);
                return roots.get(0);
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        private static URL[] urls(List<Path> roots) {
            return roots.stream().map(root -> {
                try {
                    return root.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(root.toString(), e);
                }
            }).toArray(URL[]::new);
        }
    }
}
