import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Grades the hostile-submission suite (grader/src/test/hostile) in one class run beside two
 * honest classmates, and checks that every attack got what its NOTE.md says it deserves, the
 * classmates full marks, that nothing of any attack runs afterwards, that no attack reached a
 * service of this machine or read the grader's environment, and that neither the course nor a
 * classmate's files changed.
 *
 * <p>Usage, from the course's folder: {@code java .ci/HostileSuite.java}. Each attack is a
 * checkout holding only its attack files; the lesson 1 exercises it does not hand in are the
 * reference solutions, so "costs its own points and nothing else" shows in 1.2 and 1.3.
 */
public class HostileSuite {

    static final List<String> LESSON_1 = List.of("TimedConnect", "CallbackConnect", "CountingServer");
    static final List<String> IDS = List.of("1.1", "1.2", "1.3");
    static final String PACKAGE = "lesson01-connect/src/exercises/java/tcpcourse/lesson01/exercises";
    static final String SECRET = "canary-" + Long.toHexString(System.nanoTime());

    public static void main(String[] args) throws Exception {
        Path course = Path.of("").toAbsolutePath();
        Path suite = course.resolve("grader/src/test/hostile");
        Path work = Files.createTempDirectory("hostile-suite-");
        Path klass = work.resolve("class");
        Path output = work.resolve("grading");
        Files.createDirectories(klass);

        var attacks = new TreeMap<String, Map<String, String>>();
        try (Stream<Path> folders = Files.list(suite)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                attacks.put(folder.getFileName().toString(), deserves(folder.resolve("NOTE.md")));
                copyTree(folder, klass.resolve(folder.getFileName().toString()));
            }
        }
        for (String honest : List.of("honest-a", "honest-b")) {
            Files.createDirectories(klass.resolve(honest).resolve(PACKAGE));
        }
        // What an attack does not hand in is the reference: an honest solution to lose.
        try (Stream<Path> students = Files.list(klass)) {
            for (Path student : students.toList()) {
                Path exercises = student.resolve(PACKAGE);
                if (Files.isSymbolicLink(student.resolve("lesson01-connect/src/exercises"))) {
                    continue;
                }
                Files.createDirectories(exercises);
                for (String name : LESSON_1) {
                    Path file = exercises.resolve(name + ".java");
                    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.copy(course.resolve("lesson01-connect/src/solutions/java/tcpcourse/lesson01/exercises")
                                .resolve(name + ".java"), file);
                    }
                }
            }
        }
        String courseBefore = digest(course, true);
        String classmatesBefore = digest(klass.resolve("honest-a"), false) + digest(klass.resolve("honest-b"), false);

        var reached = new AtomicInteger();
        try (var canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var listening = new Thread(() -> {
                while (true) {
                    try (var visitor = canary.accept()) {
                        reached.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            listening.setDaemon(true);
            listening.start();

            var command = new ArrayList<>(List.of(course.resolve("mvnw").toString(), "-B", "-q", "-pl", "grader",
                    "compile", "exec:java", "-Dgrader.output=" + output,
                    "-Dexec.args=--class=" + klass + " --exercise=1.1,1.2,1.3 --sandbox=required"));
            var grading = new ProcessBuilder(command).directory(course.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("grading.log").toFile());
            grading.environment().put("HOSTILE_SUITE_SECRET", SECRET);
            long start = System.nanoTime();
            var process = grading.start();
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the grader did not finish within 20 minutes");
            }
            System.out.printf("graded %d attacks and 2 honest classmates in %d s (exit status %d)%n", attacks.size(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), process.exitValue());
            if (process.exitValue() != 0) {
                System.out.println(Files.readString(work.resolve("grading.log")));
                fail("the grader failed");
            }
        }

        var grades = readCsv(output.resolve("grades.csv"));
        var max = maxima(output.resolve("grades.csv"));
        int failures = 0;
        System.out.printf("%-24s %-5s %-5s %-5s %s%n", "submission", "1.1", "1.2", "1.3", "verdict");
        for (String honest : List.of("honest-a", "honest-b")) {
            var row = grades.get(honest);
            boolean full = row != null && IDS.stream().allMatch(id -> row.get(id).equals(max.get(id)));
            failures += report(honest, row, full ? "full marks, as it deserves" : "FAIL: an honest classmate lost points");
        }
        for (var attack : attacks.entrySet()) {
            var row = grades.get(attack.getKey());
            var problems = new ArrayList<String>();
            if (row == null) {
                problems.add("no grade at all");
            } else {
                for (String id : IDS) {
                    String wanted = attack.getValue().getOrDefault(id, "full");
                    String expected = wanted.equals("full") ? max.get(id) : wanted;
                    if (!row.get(id).equals(expected)) {
                        problems.add(id + " got " + row.get(id) + ", deserves " + expected);
                    }
                }
                if (!Files.readString(output.resolve(attack.getKey()).resolve("report.json")).contains("\"sandboxed\": 1,")) {
                    problems.add("not sandboxed");
                }
            }
            failures += report(attack.getKey(), row, problems.isEmpty() ? "held" : "FAIL: " + String.join("; ", problems));
        }

        var users = java.util.regex.Pattern.compile("as users (\\d+)\\+slot").matcher(Files.readString(work.resolve("grading.log")));
        if (!users.find()) {
            fail("the grader did not say which users its sandboxes ran as");
        }
        var left = leftRunning(Integer.parseInt(users.group(1)));
        if (!left.isEmpty()) {
            System.out.println("FAIL: still running after grading: " + left);
            failures++;
        } else {
            System.out.println("nothing of any attack is still running");
        }
        if (reached.get() != 0) {
            System.out.println("FAIL: " + reached.get() + " connection(s) reached a service of this machine");
            failures++;
        } else {
            System.out.println("no attack reached a service on this machine's loopback");
        }
        if (containsSecret(output)) {
            System.out.println("FAIL: the grader's environment reached a report or log");
            failures++;
        } else {
            System.out.println("no report or log holds the grader's environment");
        }
        if (!digest(course, true).equals(courseBefore)) {
            System.out.println("FAIL: the course's files changed");
            failures++;
        } else {
            System.out.println("the course's files are unchanged");
        }
        if (!(digest(klass.resolve("honest-a"), false) + digest(klass.resolve("honest-b"), false)).equals(classmatesBefore)) {
            System.out.println("FAIL: a classmate's files changed");
            failures++;
        } else {
            System.out.println("the classmates' files are unchanged");
        }
        String csv = Files.readString(output.resolve("grades.csv"));
        if (csv.contains("late-writer,100")) {
            System.out.println("FAIL: grades.csv was rewritten after grading");
            failures++;
        }
        System.out.println(failures == 0 ? "every attack held" : failures + " check(s) failed; reports in " + output);
        if (failures == 0) {
            deleteTree(work);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    static int report(String name, Map<String, String> row, String verdict) {
        System.out.printf("%-24s %-5s %-5s %-5s %s%n", name, cell(row, "1.1"), cell(row, "1.2"), cell(row, "1.3"), verdict);
        return verdict.startsWith("FAIL") ? 1 : 0;
    }

    static String cell(Map<String, String> row, String id) {
        return row == null ? "-" : row.get(id);
    }

    /** "deserves: 1.1=0 1.2=full" from a NOTE.md; an exercise it does not name deserves full marks. */
    static Map<String, String> deserves(Path note) throws IOException {
        var deserved = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(note)) {
            if (line.startsWith("deserves:")) {
                for (String part : line.substring("deserves:".length()).trim().split("\\s+")) {
                    String[] idAndPoints = part.split("=");
                    deserved.put(idAndPoints[0], idAndPoints[1]);
                }
            }
        }
        if (deserved.isEmpty()) {
            fail(note + " has no 'deserves:' line");
        }
        return deserved;
    }

    /** The class's table's one header row: "Exercise 1.1: Title (25 points)" gives 1.1 its maximum, 25. */
    static final java.util.regex.Pattern EXERCISE_HEADER = java.util.regex.Pattern.compile("Exercise ([0-9.]+): .* \\((\\d+) points\\)");

    static Map<String, String> maxima(Path file) throws IOException {
        var maxima = new LinkedHashMap<String, String>();
        for (String header : cells(Files.readAllLines(file).get(0))) {
            var exercise = EXERCISE_HEADER.matcher(header);
            if (exercise.matches()) {
                maxima.put(exercise.group(1), exercise.group(2));
            }
        }
        return maxima;
    }

    /** One CSV line's cells (RFC 4180: a cell with a comma is quoted, a quote in it doubled). */
    static String[] cells(String line) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    /** The rows of the class's table by the student's folder (the first column), each by exercise id. */
    static Map<String, Map<String, String>> readCsv(Path file) throws IOException {
        var lines = Files.readAllLines(file);
        String[] header = cells(lines.get(0));
        for (int i = 0; i < header.length; i++) {
            var exercise = EXERCISE_HEADER.matcher(header[i]);
            if (exercise.matches()) {
                header[i] = exercise.group(1);
            }
        }
        var rows = new LinkedHashMap<String, Map<String, String>>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = cells(line);
            var row = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    /** Processes of this grader's sandbox users (16 from {@code firstUser}): every attack ran as one of them. */
    static List<String> leftRunning(int firstUser) throws IOException {
        var left = new ArrayList<String>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').strip();
                    String uid = Files.readAllLines(process.resolve("status")).stream()
                            .filter(line -> line.startsWith("Uid:")).findFirst().orElse("Uid: 0").split("\\s+")[1];
                    int user = Integer.parseInt(uid);
                    if (user >= firstUser && user < firstUser + 16) {
                        left.add(process.getFileName() + " (uid " + user + "): " + command);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        }
        return left;
    }

    static boolean containsSecret(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SECRET)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A digest of every file under {@code root} (the course's sources: without build output). */
    static String digest(Path root, boolean sourcesOnly) throws Exception {
        var sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String relative = root.relativize(file).toString();
                if (sourcesOnly && (relative.contains("/target/") || relative.startsWith("target/")
                        || relative.startsWith(".git/") || relative.contains("node_modules"))) {
                    continue;
                }
                sha.update(relative.getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isSymbolicLink(path)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void fail(String why) {
        System.out.println("FAIL: " + why);
        System.exit(1);
    }
}
