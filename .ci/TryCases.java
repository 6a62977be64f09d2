import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A quick check of one lesson's corpus while writing it, without the grader: each case's file is
 * compiled over the lesson's built classes and its exercise's grading tests run in a JVM of its own.
 *
 * Scores count the grading tests only, without the grader's "all tests pass" share.
 *
 * <p>Usage, after {@code ./mvnw -q -o -pl LESSON test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test}:
 * {@code java .ci/TryCases.java LESSON [CASE-FOLDER ...]}. CI grades the corpus with the grader itself.
 */
public class TryCases {
    public static void main(String[] args) throws Exception {
        Path lesson = Path.of(args[0]).toAbsolutePath().normalize();
        Path corpus = lesson.getParent().resolve("grader/src/test/corpus").resolve(lesson.getFileName());
        List<Path> cases = new ArrayList<>();
        boolean stubs = args.length > 1 && args[1].equals("--stubs");
        if (stubs) {
            // Each untouched stub as a case: every one of its grading tests must fail.
            Path pkg = lesson.resolve("src/exercises/java/tcpcourse/" + lesson.getFileName().toString().replaceFirst("-.*", "") + "/exercises");
            try (Stream<Path> files = Files.list(pkg)) {
                for (Path stub : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    Path folder = Files.createTempDirectory("stub");
                    Files.writeString(folder.resolve(stub.getFileName()), "// STUB\n" + Files.readString(stub));
                    cases.add(folder);
                }
            }
        } else if (args.length > 1) {
            for (int i = 1; i < args.length; i++) cases.add(Path.of(args[i]).toAbsolutePath());
        } else try (Stream<Path> folders = Files.list(corpus)) {
            folders.filter(Files::isDirectory).sorted().forEach(cases::add);
        }
        String libraries = Files.readString(lesson.resolve("target/test.classpath")).strip();
        Path classes = lesson.resolve("target/classes");
        Path tests = lesson.resolve("target/test-classes");
        // The grader's own runner, compiled once; its file mode writes the same lines the grader reads.
        // It words failures with testkit's Feedback, compiled with the lesson's tests.
        Path runner = Files.createTempDirectory("runner");
        var sources = new ArrayList<String>(List.of("javac", "--release", "17", "-nowarn", "-d", runner.toString(), "-cp",
                tests + java.io.File.pathSeparator + libraries));
        try (Stream<Path> files = Stream.concat(Files.walk(lesson.getParent().resolve("grader/src/runner/java")),
                Files.walk(lesson.getParent().resolve("grader/src/channel/java/tcpcourse")))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(f.toString()));
        }
        if (new ProcessBuilder(sources).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("the grader's runner does not compile");
        }
        int bad = 0;
        for (Path folder : cases) {
            Path source;
            try (Stream<Path> files = Files.list(folder)) {
                source = files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
            }
            String first = Files.readAllLines(source, StandardCharsets.UTF_8).get(0);
            String stub = source.getFileName().toString().replace(".java", "");
            String pkg = "tcpcourse." + lesson.getFileName().toString().replaceFirst("-.*", "") + ".exercises";
            String testClass = pkg + "." + stub + "Test";
            Path out = Files.createTempDirectory("case");
            var javac = new ProcessBuilder("javac", "--release", "17", "-nowarn", "-encoding", "UTF-8", "-d", out.toString(),
                    "-cp", classes + ":" + libraries, source.toString()).redirectErrorStream(true).start();
            String compileOutput = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Integer> points = points(tests, classes, libraries, testClass);
            int max = points.values().stream().mapToInt(Integer::intValue).sum();
            int score = 0;
            int passedTests = 0;
            List<String> failures = new ArrayList<>();
            if (javac.waitFor() != 0) {
                failures.add("does not compile: " + compileOutput.lines().findFirst().orElse(""));
            } else {
                Path results = out.resolve("results.txt");
                var command = new ArrayList<>(List.of("java", "-Djdk.net.hosts.file=" + lesson.getParent().resolve("testkit/hosts"),
                        "-Xmx256m", "-cp", out + ":" + tests + ":" + classes + ":" + runner + ":" + libraries,
                        "tcpcourse.runner.GradingRunner", "--results=" + results));
                points.keySet().forEach(method -> command.add(testClass + "#" + method));
                var run = new ProcessBuilder(command)
                        .redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile()).start();
                if (!run.waitFor(180, TimeUnit.SECONDS)) {
                    run.destroyForcibly();
                    failures.add("timed out after 180 s");
                }
                if (Files.exists(results)) {
                    for (String line : Files.readAllLines(results)) {
                        String[] f = line.split("\t", 4);
                        if (f[0].equals("passed")) { score += points.getOrDefault(f[2], 0); passedTests++; }
                        if (f[0].equals("failed") || f[0].equals("skipped")) failures.add(f[2] + ": " + (f.length > 3 ? f[3] : ""));
                    }
                }
            }
            String kind = first.startsWith("// STUB") ? "stub" : first.startsWith("// RIGHT") ? "right" : first.startsWith("// WRONG, misses the main idea") ? "main" : first.startsWith("// WRONG") ? "minor" : "??";
            boolean ok = switch (kind) {
                case "stub" -> passedTests == 0;
                case "right" -> score == max;
                case "main" -> score * 2 <= max;
                case "minor" -> score < max;
                default -> false;
            };
            if (!ok) bad++;
            System.out.printf("%-4s %-6s %2d/%-2d %s%n", ok ? "ok" : "BAD", kind, score, max, stubs ? source.getFileName() : folder.getFileName());
            for (String failure : failures) {
                System.out.println("        " + (failure.length() > 300 ? failure.substring(0, 300) + "..." : failure));
            }
        }
        System.out.println(bad == 0 ? "all cases as expected" : bad + " case(s) NOT as expected");
        System.exit(bad == 0 ? 0 : 1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Integer> points(Path tests, Path classes, String libraries, String testClass) throws Exception {
        List<URL> urls = new ArrayList<>(List.of(tests.toUri().toURL(), classes.toUri().toURL()));
        for (String jar : libraries.split(":")) urls.add(Path.of(jar).toUri().toURL());
        try (var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            var pointsType = (Class<? extends Annotation>) loader.loadClass("tcpcourse.testkit.grading.Points");
            Map<String, Integer> points = new TreeMap<>();
            for (var method : loader.loadClass(testClass).getDeclaredMethods()) {
                var annotation = method.getAnnotation(pointsType);
                if (annotation != null) points.put(method.getName(), (Integer) pointsType.getMethod("value").invoke(annotation));
            }
            return points;
        }
    }
}
