package tcpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tcpcourse.testkit.grading.Feedback;

/**
 * The course's own, pristine parts, compiled once per grading run: each lesson's programs, the
 * test fixtures, and the grading tests (compiled against the reference solutions). A submission
 * never replaces any of them; only its exercise classes are put beside them.
 */
final class Course {

    private static final Pattern LESSON_FOLDER = Pattern.compile("lesson(\\d+)-.+");

    /** A lesson's compiled parts. */
    record LessonBuild(Catalogue.Lesson lesson, Path module, Path mainClasses, Path testClasses, Path testResources,
            java.util.Set<String> courseClasses) {

        /** The package of this lesson's exercises, for example {@code tcpcourse.lesson01.exercises}. */
        String exercisesPackage() {
            return String.format(java.util.Locale.ROOT, "tcpcourse.lesson%02d.exercises", lesson.number());
        }

        /** Where the student writes this lesson's exercises, inside a checkout of the course. */
        Path exercisesIn(Path checkout) {
            return checkout.resolve(module.getFileName()).resolve("src/exercises/java");
        }
    }

    final Path root;
    /** The folder a test JVM sees: everything below it is the course's own. */
    final Path visible;
    final List<Path> libraries;
    final Path testkitClasses;
    final Path runnerClasses;
    final Path channelModule;
    final List<LessonBuild> lessons;

    private Course(Path root, Path visible, List<Path> libraries, Path testkitClasses, Path runnerClasses,
            Path channelModule, List<LessonBuild> lessons) {
        this.root = root;
        this.visible = visible;
        this.libraries = libraries;
        this.testkitClasses = testkitClasses;
        this.runnerClasses = runnerClasses;
        this.channelModule = channelModule;
        this.lessons = lessons;
    }

    Catalogue catalogue() {
        return new Catalogue(lessons.stream().map(LessonBuild::lesson).toList());
    }

    /** A mistake in the course itself, not in a submission: the grader cannot go on. */
    static final class CourseError extends Exception {
        private static final long serialVersionUID = 1L;

        CourseError(String message) {
            super(message);
        }
    }

    /**
     * Compiles the course's parts under {@code build}, copies the test libraries beside them, and
     * reads the points of every grading test. Everything a test JVM may see is under
     * {@code build/course}, which the sandbox shows read-only; the reference solutions, which the
     * grading tests are compiled against, stay outside it, under {@code build/solutions}.
     */
    static Course compile(Path root, List<Path> libraries, Path build) throws CourseError {
        Path visible = build.resolve("course");
        var copiedLibraries = copyLibraries(libraries, visible.resolve("libraries"));
        copy(root.resolve("testkit/hosts"), visible.resolve("hosts"));
        Path channel = visible.resolve("channel");
        failOnError("the grader's results channel (grader/src/channel/java)",
                Javac.compile(Javac.sourcesUnder(root.resolve("grader/src/channel/java")), List.of(), null, channel));
        Path testkit = visible.resolve("testkit");
        failOnError("the test fixtures (testkit/java)",
                Javac.compile(Javac.sourcesUnder(root.resolve("testkit/java")), copiedLibraries, null, testkit));
        Path runner = visible.resolve("runner");
        // The runner words each failure with testkit's Feedback, as the student's check does.
        var runnerClassPath = new ArrayList<>(List.of(channel, testkit));
        runnerClassPath.addAll(copiedLibraries);
        failOnError("the grader's test runner (grader/src/runner/java)",
                Javac.compile(Javac.sourcesUnder(root.resolve("grader/src/runner/java")), runnerClassPath, null, runner));
        var lessons = new ArrayList<LessonBuild>();
        for (Path module : lessonModules(root)) {
            String name = module.getFileName().toString();
            lessons.add(compileLesson(root, module, copiedLibraries, testkit, visible.resolve(name),
                    build.resolve("solutions").resolve(name)));
        }
        if (lessons.isEmpty()) {
            throw new CourseError("no lesson with exercises found in " + root);
        }
        return new Course(root, visible, copiedLibraries, testkit, runner, channel, List.copyOf(lessons));
    }

    private static List<Path> copyLibraries(List<Path> libraries, Path folder) {
        var copies = new ArrayList<Path>();
        for (Path library : libraries) {
            Path copy = folder.resolve(library.getFileName());
            copy(library, copy);
            copies.add(copy);
        }
        return copies;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copy(file, to.resolve(from.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> lessonModules(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children
                    .filter(child -> LESSON_FOLDER.matcher(child.getFileName().toString()).matches())
                    .filter(child -> Files.isDirectory(child.resolve("src/exercises/java")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LessonBuild compileLesson(Path root, Path module, List<Path> libraries, Path testkit, Path build,
            Path solutions) throws CourseError {
        String name = module.getFileName().toString();
        Path main = build.resolve("main");
        var mainSources = new ArrayList<>(Javac.sourcesUnder(module.resolve("src/main/java")));
        mainSources.addAll(Javac.sourcesUnder(root.resolve("common/java")));
        failOnError(name + "'s programs", Javac.compile(mainSources, List.of(), null, main));

        // The student edition has no solutions: its tests compile against the stubs, which have the same signatures.
        Path answers = Files.isDirectory(module.resolve("src/solutions/java")) ? module.resolve("src/solutions/java")
                : module.resolve("src/exercises/java");
        failOnError(name + "'s reference solutions",
                Javac.compile(Javac.sourcesUnder(answers), List.of(main), null, solutions));

        Path tests = build.resolve("tests");
        var testClassPath = new ArrayList<>(List.of(main, solutions, testkit));
        testClassPath.addAll(libraries);
        failOnError(name + "'s tests",
                Javac.compile(Javac.sourcesUnder(module.resolve("src/test/java")), testClassPath, null, tests));

        Path resources = build.resolve("resources");
        copyTree(root.resolve("testkit/resources"), resources);
        copyTree(module.resolve("src/test/resources"), resources);
        int number = Integer.parseInt(matcher(name).group(1));
        var classPath = new ArrayList<>(List.of(tests, solutions, main, testkit));
        classPath.addAll(libraries);
        var exercises = readExercises(module, tests, classPath);
        if (exercises.isEmpty()) {
            throw new CourseError(name + " has exercises but no grading tests (classes *Test in an exercises package)");
        }
        return new LessonBuild(new Catalogue.Lesson(number, name, exercises), module, main, tests, resources,
                classNames(main, tests));
    }

    private static Matcher matcher(String name) {
        var matcher = LESSON_FOLDER.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name);
        }
        return matcher;
    }

    /** Reads {@code @Exercise} and {@code @Points} from the compiled grading tests. */
    private static List<Catalogue.Exercise> readExercises(Path module, Path tests, List<Path> classPath)
            throws CourseError {
        var exercises = new ArrayList<Catalogue.Exercise>();
        try (var loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader());
                Stream<Path> files = Files.walk(tests)) {
            var exerciseAnnotation = loader.loadClass("tcpcourse.testkit.grading.Exercise").asSubclass(java.lang.annotation.Annotation.class);
            var pointsAnnotation = loader.loadClass("tcpcourse.testkit.grading.Points").asSubclass(java.lang.annotation.Annotation.class);
            var testAnnotation = loader.loadClass("org.junit.jupiter.api.Test").asSubclass(java.lang.annotation.Annotation.class);
            for (Path file : files.filter(Course::isGradingTestClass).sorted().toList()) {
                String className = tests.relativize(file).toString()
                        .replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                Class<?> testClass = loader.loadClass(className);
                var exercise = testClass.getAnnotation(exerciseAnnotation);
                if (exercise == null) {
                    throw new CourseError(className + " grades an exercise but has no @Exercise");
                }
                var gradingTests = new ArrayList<Catalogue.Test>();
                for (Method method : testClass.getDeclaredMethods()) {
                    if (method.getAnnotation(testAnnotation) == null) {
                        continue;
                    }
                    var points = method.getAnnotation(pointsAnnotation);
                    if (points == null) {
                        throw new CourseError(className + "." + method.getName() + " is a grading test without @Points");
                    }
                    gradingTests.add(new Catalogue.Test(method.getName(), (Integer) call(points, "value")));
                }
                gradingTests.sort(Comparator.comparing(Catalogue.Test::method));
                String stubFile = className.replaceFirst("Test$", "").replace('.', '/') + ".java";
                Path stub = module.resolve("src/exercises/java").resolve(stubFile);
                if (!Files.isRegularFile(stub)) {
                    throw new CourseError(className + " has no exercise stub at " + root(module).relativize(stub));
                }
                exercises.add(new Catalogue.Exercise((String) call(exercise, "id"), (String) call(exercise, "title"),
                        className, stubFile, paragraphOf(stub, "Main idea:"), paragraphOf(stub, "Hint:"),
                        List.copyOf(gradingTests)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new CourseError("cannot load " + e.getMessage() + " from the compiled tests of " + module.getFileName());
        }
        exercises.sort(Comparator.comparing(Catalogue.Exercise::id, Course::compareIds));
        return exercises;
    }

    /** The binary names of every class in {@code folders}, to tell a submission's class from the course's. */
    private static java.util.Set<String> classNames(Path... folders) {
        var names = new java.util.TreeSet<String>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.toString().endsWith(".class")).forEach(file -> names.add(
                        folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                                .replaceFirst("\\.class$", "")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return java.util.Set.copyOf(names);
    }

    private static Path root(Path module) {
        return module.getParent();
    }

    private static boolean isGradingTestClass(Path file) {
        String name = file.getFileName().toString();
        Path folder = file.getParent();
        return name.endsWith("Test.class") && !name.contains("$")
                && folder != null && folder.getFileName().toString().equals("exercises");
    }

    private static Object call(Object annotation, String element) {
        try {
            return annotation.getClass().getMethod(element).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + element + " of " + annotation, e);
        }
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

    /** The "Hint: ..." paragraph of an exercise stub's Javadoc, as plain text, or "". */
    static String hintOf(Path stub) {
        return paragraphOf(stub, "Hint:");
    }

    /**
     * The paragraph of an exercise stub's class Javadoc that starts with {@code label}
     * ("Main idea:", "Hint:"), as plain text, or ""; see {@link Feedback#paragraphOf}.
     */
    static String paragraphOf(Path stub, String label) {
        try {
            return Feedback.paragraphOf(Files.readString(stub, StandardCharsets.UTF_8), label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void failOnError(String what, java.util.Optional<String> errors) throws CourseError {
        if (errors.isPresent()) {
            throw new CourseError(what + " do not compile: " + errors.get());
        }
    }

    private static URL[] urls(List<Path> classPath) {
        return classPath.stream().map(entry -> {
            try {
                return entry.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entry.toString(), e);
            }
        }).toArray(URL[]::new);
    }
}
