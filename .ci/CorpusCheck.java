import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grades the corpus of wrong solutions and correct alternatives (grader/src/test/corpus) in one
 * class run of the grader, one submission per case, and holds the grading tests to what each
 * case deserves: every wrong solution loses points, one that misses the main idea keeps at most
 * half, every correct alternative gets full marks.
 *
 * <p>Each case is a folder {@code corpus/LESSON/ID-SLUG/} with one file that replaces one
 * exercise; its first line is {@code // WRONG, misses the main idea: ...},
 * {@code // WRONG: ...} or {@code // RIGHT, another way: ...}. The submission for a case holds
 * that file only; the lesson's other exercises are missing, so they cost no test JVM.
 *
 * <p>Usage, from the course's folder: {@code java .ci/CorpusCheck.java [LESSON ...]}.
 */
public class CorpusCheck {

    record Case(String name, String lesson, String id, String kind, String mistake) {}

    static final Pattern FIRST_LINE = Pattern.compile("// (WRONG, misses the main idea|WRONG|RIGHT, another way): (.+)");
    static final Pattern EXERCISE_JSON = Pattern.compile(
            "\\{\"id\": \"([0-9.]+)\", \"title\": \"[^\"]*\", \"score\": (\\d+), \"max\": (\\d+), \"summary\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        Path course = Path.of("").toAbsolutePath();
        Path corpus = course.resolve("grader/src/test/corpus");
        Path work = Files.createTempDirectory("corpus-check-");
        Path klass = work.resolve("class");
        Path output = work.resolve("grading");
        var cases = new ArrayList<Case>();
        try (Stream<Path> lessons = Files.list(corpus)) {
            for (Path lesson : lessons.filter(Files::isDirectory).sorted().toList()) {
                String module = lesson.getFileName().toString();
                if (args.length > 0 && !List.of(args).contains(module)) {
                    continue;
                }
                try (Stream<Path> folders = Files.list(lesson)) {
                    for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                        cases.add(lay(module, folder, klass));
                    }
                }
            }
        }
        var command = List.of(course.resolve("mvnw").toString(), "-B", "-q", "-pl", "grader", "compile", "exec:java",
                "-Dgrader.output=" + output, "-Dexec.args=--class=" + klass + " --sandbox=required");
        long start = System.nanoTime();
        var process = new ProcessBuilder(command).directory(course.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("grading.log").toFile()).start();
        if (!process.waitFor(40, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            System.out.println(Files.readString(work.resolve("grading.log")));
            System.out.println("FAIL: the grader did not grade the corpus");
            System.exit(1);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        int failures = 0;
        int wrong = 0;
        int caught = 0;
        int alternatives = 0;
        int alternativesFull = 0;
        double keptShare = 0;
        var perExercise = new TreeMap<String, int[]>();
        System.out.printf("%-52s %-5s %-11s %-7s %s%n", "case", "id", "expected", "points", "result");
        for (var c : cases) {
            String json = Files.readString(output.resolve(c.name()).resolve("report.json"), StandardCharsets.UTF_8);
            Matcher exercise = EXERCISE_JSON.matcher(json);
            int score = -1;
            int max = 0;
            String summary = "";
            while (exercise.find()) {
                if (exercise.group(1).equals(c.id())) {
                    score = Integer.parseInt(exercise.group(2));
                    max = Integer.parseInt(exercise.group(3));
                    summary = exercise.group(4).replace("\\\"", "\"");
                }
            }
            String expected;
            boolean ok;
            switch (c.kind()) {
                case "RIGHT, another way" -> {
                    expected = "full";
                    ok = score == max;
                    alternatives++;
                    alternativesFull += ok ? 1 : 0;
                }
                case "WRONG, misses the main idea" -> {
                    expected = "<= half";
                    ok = score >= 0 && score * 2 <= max;
                }
                default -> {
                    expected = "loses >= 1";
                    ok = score >= 0 && score < max;
                }
            }
            if (!c.kind().startsWith("RIGHT")) {
                wrong++;
                caught += score < max ? 1 : 0;
                keptShare += max == 0 ? 0 : (double) score / max;
                var counts = perExercise.computeIfAbsent(c.id(), id -> new int[3]);
                counts[0]++;
                counts[1] += score < max ? 1 : 0;
                counts[2] += score;
            }
            String result = ok ? "as deserved" : "FAIL";
            if (!ok) {
                failures++;
            }
            System.out.printf("%-52s %-5s %-11s %2d / %-2d %s%s%n", c.name(), c.id(), expected, Math.max(score, 0), max,
                    result, ok && c.kind().startsWith("RIGHT") ? "" : ": " + shorten(summary));
        }
        System.out.println();
        for (var entry : perExercise.entrySet()) {
            System.out.printf("exercise %-4s %2d wrong solutions, %2d lose points%n", entry.getKey(), entry.getValue()[0],
                    entry.getValue()[1]);
        }
        System.out.printf(Locale.ROOT, "corpus: %d wrong solutions, %d caught (%.0f %%), they keep %.0f %% of their"
                        + " exercises' points on average; %d of %d correct alternatives get full marks; graded in %d s%n",
                wrong, caught, wrong == 0 ? 0 : 100.0 * caught / wrong, wrong == 0 ? 0 : 100 * keptShare / wrong,
                alternativesFull, alternatives, seconds);
        if (failures == 0) {
            deleteTree(work);
            System.out.println("every case got what it deserves");
        } else {
            System.out.println(failures + " case(s) did not get what they deserve; reports in " + output);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Lays out one case as a submission of its own; its name is the case's folder, prefixed by the lesson. */
    static Case lay(String module, Path folder, Path klass) throws IOException {
        Path source;
        try (Stream<Path> files = Files.list(folder)) {
            var sources = files.filter(file -> file.toString().endsWith(".java")).toList();
            if (sources.size() != 1) {
                throw new IllegalStateException(folder + " must hold exactly one .java file");
            }
            source = sources.get(0);
        }
        String first = Files.readAllLines(source, StandardCharsets.UTF_8).get(0);
        Matcher line = FIRST_LINE.matcher(first);
        if (!line.matches()) {
            throw new IllegalStateException(source + ": the first line must say WRONG or RIGHT, as CorpusCheck's Javadoc shows");
        }
        String caseName = folder.getFileName().toString();
        String id = caseName.replaceFirst("^(\\d+\\.\\d+)-.*", "$1");
        String name = module.replaceFirst("-.*", "") + "-" + caseName;
        String lesson = "tcpcourse." + module.replaceFirst("-.*", "") + ".exercises";
        Path target = klass.resolve(name).resolve(module).resolve("src/exercises/java")
                .resolve(lesson.replace('.', '/')).resolve(source.getFileName().toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
        return new Case(name, module, id, line.group(1), line.group(2));
    }

    static String shorten(String text) {
        return text.length() > 110 ? text.substring(0, 110) + "..." : text;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
