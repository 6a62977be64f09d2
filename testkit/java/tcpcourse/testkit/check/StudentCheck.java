package tcpcourse.testkit.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tcpcourse.testkit.grading.Feedback;

/**
 * The student's check, as the build runs it in the test phase of each lesson when the exercise
 * sources are the student's ({@code -Pstudent}, and the student edition's default): starts
 * {@link CheckJvm} with the lesson's test class path, passes its lines on, and fails the build,
 * in one line, when points are missing.
 *
 * <p>When the build checks several lessons ({@code ./mvnw -q test -Pstudent} from the course's
 * folder), each lesson prints its lines and only the last one adds the course's total and fails,
 * so that every lesson is checked.
 *
 * <p>Usage: {@code StudentCheck --module=DIR --tests=DIR --results=DIR --hosts=FILE
 * [--exercise=ID,...] [--traces=true] [--reactor=PROJECTS] [--skipped=true]}.
 */
public final class StudentCheck {

    /** How long one lesson's check may take: every grading test is bounded by far less. */
    private static final long BOUND_MINUTES = 20;

    private static final Pattern REACTOR_PROJECT = Pattern.compile("MavenProject: \\S+ @ (.+?)(?=, MavenProject: |]$)");

    private StudentCheck() {}

    /** Runs one lesson's check; throws, with the line Maven shows, when the build must fail. */
    public static void main(String[] args) throws IOException, InterruptedException {
        var options = options(args);
        if (Arrays.asList(options.getOrDefault("skipped", "").split("\\s+")).contains("true")) {
            // -DskipTests or -Dmaven.test.skip=true: no tests, so no check.
            return;
        }
        Path module = Path.of(options.get("module")).toAbsolutePath().normalize();
        Path results = Path.of(options.get("results")).toAbsolutePath().normalize();
        Files.createDirectories(results);
        Path result = results.resolve("result.properties");
        Files.deleteIfExists(result);

        var lessons = lessonsOfThisBuild(options.getOrDefault("reactor", ""), module);
        boolean last = lessons.get(lessons.size() - 1).equals(module);
        String problem = runCheckJvm(options, module, results);
        if (problem != null) {
            Tally.broken(module, problem).store(result);
        }
        if (!last) {
            if (problem != null) {
                System.out.println(problem);
                System.out.flush();
            }
            // A later lesson of this build adds up and fails, if it must, once every lesson has been checked.
            return;
        }
        Path resultInModule = module.relativize(result);
        var tallies = new ArrayList<Tally>();
        for (Path lesson : lessons) {
            tallies.add(Tally.load(lesson, lesson.resolve(resultInModule)));
        }
        int checked = tallies.stream().mapToInt(Tally::checked).sum();
        if (tallies.size() > 1 && checked > 0) {
            System.out.println(Feedback.totalLine(tallies.stream().mapToInt(Tally::score).sum(),
                    tallies.stream().mapToInt(Tally::maxPoints).sum()));
            System.out.flush();
        }
        var failure = verdict(tallies, exercises(options.getOrDefault("exercise", "")));
        if (failure.isPresent()) {
            throw new IllegalStateException(failure.get());
        }
    }

    /**
     * Why the build fails, in the one line Maven shows, or empty when every point is there.
     *
     * @param tallies what the check found in each lesson of the build
     * @param selected the exercises -Dexercise named; empty for all
     */
    static Optional<String> verdict(List<Tally> tallies, Set<String> selected) {
        var problems = tallies.stream().filter(tally -> tally.problem() != null)
                .map(tally -> tally.module() + ": " + tally.problem()).toList();
        if (!problems.isEmpty()) {
            return Optional.of(String.join("; ", problems));
        }
        String what = !selected.isEmpty() ? (selected.size() == 1 ? "exercise " : "exercises ") + String.join(", ", selected)
                : tallies.size() == 1 ? "lesson " + tallies.get(0).lesson()
                : "lessons " + tallies.stream().map(tally -> Integer.toString(tally.lesson())).collect(Collectors.joining(", "));
        if (tallies.stream().mapToInt(Tally::checked).sum() == 0) {
            if (selected.isEmpty()) {
                return Optional.of("no grading tests found in " + what);
            }
            return Optional.of("no " + what + " in " + (tallies.size() == 1 ? "lesson " + tallies.get(0).lesson()
                    : "these lessons") + "; the exercises are "
                    + tallies.stream().flatMap(tally -> tally.exercises().stream()).collect(Collectors.joining(", ")));
        }
        int score = tallies.stream().mapToInt(Tally::score).sum();
        int max = tallies.stream().mapToInt(Tally::maxPoints).sum();
        if (score < max) {
            return Optional.of(what + (what.startsWith("lessons") || what.startsWith("exercises ") ? " are" : " is")
                    + " not done yet: " + score + " / " + max + " points; the lines above say what to do next");
        }
        return Optional.empty();
    }

    /** What the check found in one lesson, as {@link CheckJvm} writes it down for {@link StudentCheck} to add up. */
    record Tally(String module, int lesson, int score, int maxPoints, int checked, List<String> exercises,
            String problem) {

        static Tally of(Check.LessonResult checked) {
            var lesson = checked.lesson();
            return new Tally(lesson.module(), lesson.number(), checked.score(), checked.maxPoints(),
                    checked.results().size(), lesson.exercises().stream().map(Check.GradedExercise::id).toList(), null);
        }

        static Tally broken(Path module, String problem) {
            return new Tally(module.getFileName().toString(), 0, 0, 0, 0, List.of(), problem);
        }

        /** The tally {@code file} holds, or a problem when the lesson has none: it was not checked. */
        static Tally load(Path module, Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return broken(module, "not checked");
            }
            var properties = new Properties();
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String exercises = properties.getProperty("exercises", "");
            return new Tally(properties.getProperty("module", module.getFileName().toString()),
                    Integer.parseInt(properties.getProperty("lesson", "0")),
                    Integer.parseInt(properties.getProperty("score", "0")),
                    Integer.parseInt(properties.getProperty("max", "0")),
                    Integer.parseInt(properties.getProperty("checked", "0")),
                    exercises.isEmpty() ? List.of() : List.of(exercises.split(",")),
                    properties.getProperty("problem"));
        }

        void store(Path file) throws IOException {
            var properties = new Properties();
            properties.setProperty("module", module);
            properties.setProperty("lesson", Integer.toString(lesson));
            properties.setProperty("score", Integer.toString(score));
            properties.setProperty("max", Integer.toString(maxPoints));
            properties.setProperty("checked", Integer.toString(checked));
            properties.setProperty("exercises", String.join(",", exercises));
            if (problem != null) {
                properties.setProperty("problem", problem);
            }
            Files.createDirectories(file.getParent());
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "the student's check of " + module);
            }
        }
    }

    /**
     * Runs the lesson's grading tests in a JVM of their own, passing its lines on.
     *
     * @return why the check did not finish, or null when it did
     */
    private static String runCheckJvm(Map<String, String> options, Path module, Path results)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Names resolve from the course's hosts file only, as in every test: no DNS query leaves the machine.
                "-Djdk.net.hosts.file=" + options.get("hosts"),
                "-Dtranscripts.folder=" + results.resolve("transcripts"),
                "-cp", classPath(),
                CheckJvm.class.getName(),
                "--module=" + module,
                "--tests=" + options.get("tests"),
                "--results=" + results,
                "--exercise=" + options.getOrDefault("exercise", ""),
                "--traces=" + options.getOrDefault("traces", "false")));
        Path jvmLog = results.resolve("jvm.log");
        var jvm = new ProcessBuilder(command).directory(module.toFile())
                .redirectError(jvmLog.toFile())
                .start();
        try (var lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line);
                System.out.flush();
            }
        }
        if (!jvm.waitFor(BOUND_MINUTES, TimeUnit.MINUTES)) {
            jvm.destroyForcibly();
            return "the check did not end within " + BOUND_MINUTES + " minutes and was stopped";
        }
        Path output = module.relativize(results.resolve("output.log"));
        return switch (jvm.exitValue()) {
            case 0 -> Files.isRegularFile(results.resolve("result.properties")) ? null
                    : "the check ended before the end: does an exercise call System.exit? What it printed: " + output;
            case 2 -> "the check could not run (the line above says why)";
            default -> "the check ended before the end, with exit status " + jvm.exitValue()
                    + ": does an exercise call System.exit? What it printed: " + output + ", "
                    + module.relativize(jvmLog);
        };
    }

    /** The class path this class was loaded from: the lesson's test class path, as the build gives it. */
    private static String classPath() {
        if (!(StudentCheck.class.getClassLoader() instanceof URLClassLoader loader)) {
            throw new IllegalStateException("the student's check needs the build's class loader, a URLClassLoader,"
                    + " not " + StudentCheck.class.getClassLoader());
        }
        var entries = new ArrayList<String>();
        for (URL url : loader.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                throw new IllegalStateException("not a file on the class path: " + url, notAFile);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * The lesson modules of this build, in the build's order, from Maven's list of its projects
     * ("[MavenProject: group:artifact:version @ /path/pom.xml, ...]"); {@code module} alone when
     * the list says nothing.
     */
    static List<Path> lessonsOfThisBuild(String reactor, Path module) {
        var lessons = new ArrayList<Path>();
        var project = REACTOR_PROJECT.matcher(reactor.strip());
        while (project.find()) {
            Path folder = Path.of(project.group(1)).toAbsolutePath().normalize().getParent();
            if (folder != null && folder.getFileName().toString().matches("lesson\\d+-.+")) {
                lessons.add(folder);
            }
        }
        return lessons.contains(module) ? lessons : List.of(module);
    }

    /** "--name=value" arguments, by name. */
    static Map<String, String> options(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("not an option of the form --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    /** The exercises "1.1,1.2" names; none for "" (or an unset Maven property). */
    static Set<String> exercises(String list) {
        if (list.isBlank() || list.startsWith("${")) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
