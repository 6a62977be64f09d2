package tcpcourse.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Replays the GitHub Classroom workflow on a student's repository the way GitHub would run it:
 * checks it against the actions' facts, evaluates the job's condition and environment, checks
 * out the student's repository and the pristine course, runs every {@code run:} step with
 * {@code bash -e} as the runner does, runs every command-grader step as the action's own code
 * does (its {@code result} output, base64 of JSON), builds the reporter's environment from its
 * {@code env:} expressions, and computes what the reporter tells Classroom.
 *
 * <p>{@code java -cp grader/target/test-classes tcpcourse.grader.ClassroomReplay
 * --workflow=FILE --student=FOLDER --course=FOLDER [--vars=NAME=VALUE,...] [--expect=full|zero|N]}
 * exits 0 when the reporter's points are the grader's own (in the pristine course's report) and
 * what {@code --expect} says, 1 otherwise.
 */
public final class ClassroomReplay {

    /** What one replay found. */
    record Outcome(List<String> log, ClassroomActions.Report report, boolean jobFailed) {}

    private ClassroomReplay() {}

    public static void main(String[] args) throws Exception {
        Path workflow = null;
        Path student = null;
        Path course = null;
        String expect = null;
        var vars = new LinkedHashMap<String, String>();
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--workflow=")) {
                workflow = Path.of(value);
            } else if (arg.startsWith("--student=")) {
                student = Path.of(value);
            } else if (arg.startsWith("--course=")) {
                course = Path.of(value);
            } else if (arg.startsWith("--expect=")) {
                expect = value;
            } else if (arg.startsWith("--vars=")) {
                for (String pair : value.split(",")) {
                    vars.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            } else {
                System.err.println("unknown argument " + arg + "; usage: ClassroomReplay --workflow=FILE --student=FOLDER"
                        + " --course=FOLDER [--vars=NAME=VALUE,...] [--expect=full|zero|N]");
                System.exit(1);
            }
        }
        if (workflow == null || student == null || course == null) {
            System.err.println("ClassroomReplay needs --workflow, --student and --course");
            System.exit(1);
        }
        Path workspace = Files.createTempDirectory("classroom-replay-");
        try {
            var outcome = replay(Files.readString(workflow, StandardCharsets.UTF_8), student, course, vars, workspace,
                    System.out);
            System.exit(verdict(outcome, workspace, expect, System.out) ? 0 : 1);
        } finally {
            deleteTree(workspace);
        }
    }

    /** Whether the reporter's points are the grader's, and what {@code expect} asks for. */
    static boolean verdict(Outcome outcome, Path workspace, String expect, PrintStream out) throws IOException {
        var report = outcome.report();
        if (report == null || report.error() != null) {
            out.println("FAIL: the reporter told Classroom no points"
                    + (report == null ? " (it did not run)" : ": " + report.error()));
            return false;
        }
        Path graded = workspace.resolve(".course/grader/target/grading/student/report.json");
        var grader = (Map<?, ?>) Json.parse(Files.readString(graded, StandardCharsets.UTF_8));
        double score = ((Number) grader.get("score")).doubleValue();
        double max = ((Number) grader.get("max")).doubleValue();
        out.printf(Locale.ROOT, "the reporter: Points %s/%s; the grader: %s / %s%n", Expressions.asString(report.totalPoints()),
                Expressions.asString(report.maxPoints()), Expressions.asString(score), Expressions.asString(max));
        boolean holds = report.totalPoints() == score && report.maxPoints() == max;
        if (expect != null) {
            double wanted = switch (expect) {
                case "full" -> max;
                case "zero" -> 0;
                default -> Double.parseDouble(expect);
            };
            holds &= report.totalPoints() == wanted;
        }
        out.println(holds ? "as expected" + (expect == null ? "" : " (" + expect + ")")
                : "FAIL: expected " + (expect == null ? "the grader's points" : expect));
        return holds;
    }

    /**
     * Runs the workflow's job on a copy of {@code student} in {@code workspace}.
     *
     * @param vars the repository's variables ({@code vars.NAME})
     */
    @SuppressWarnings("unchecked")
    static Outcome replay(String workflowText, Path student, Path course, Map<String, String> vars, Path workspace,
            PrintStream out) throws IOException, InterruptedException {
        var workflow = (Map<String, Object>) Yaml.parse(workflowText);
        var problems = ClassroomWorkflow.problems(workflow);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> out.println("FAIL: " + problem));
            return new Outcome(problems, null, true);
        }
        var log = new ArrayList<String>();
        var github = new LinkedHashMap<String, Object>();
        github.put("actor", "a-student");
        github.put("repository", "classroom/assignment-a-student");
        github.put("token", "the-jobs-own-token");
        github.put("workspace", workspace.toString());
        var steps = new LinkedHashMap<String, Object>();
        var env = new LinkedHashMap<String, Object>();
        var contexts = new LinkedHashMap<String, Object>();
        contexts.put("github", github);
        contexts.put("vars", new LinkedHashMap<>(vars));
        contexts.put("secrets", Map.of());
        contexts.put("env", env);
        contexts.put("steps", steps);
        boolean[] failed = {false};
        var expressions = new Expressions(contexts, () -> failed[0]);

        var job = ClassroomWorkflow.job(workflow);
        if (job.containsKey("if") && !expressions.condition(job.get("if").toString())) {
            log.add("the job's condition is false: nothing runs");
            return new Outcome(log, null, false);
        }
        ClassroomWorkflow.strings(job.get("env")).forEach((name, value) -> env.put(name, expressions.interpolate(value)));
        var runner = runnerEnvironment(workspace, github);
        ClassroomActions.Report report = null;
        int number = 0;
        for (var step : ClassroomWorkflow.steps(workflow)) {
            number++;
            String name = String.valueOf(step.getOrDefault("name", step.getOrDefault("id", step.getOrDefault("uses", "step " + number))));
            String condition = String.valueOf(step.getOrDefault("if", "success()"));
            if (!expressions.condition(condition)) {
                log.add("skipped: " + name);
                continue;
            }
            var stepEnvironment = new LinkedHashMap<String, String>(runner);
            env.forEach((key, value) -> stepEnvironment.put(key, value.toString()));
            ClassroomWorkflow.strings(step.get("env")).forEach((key, value) -> stepEnvironment.put(key, expressions.interpolate(value)));
            var with = new LinkedHashMap<String, String>();
            ClassroomWorkflow.strings(step.get("with")).forEach((key, value) -> with.put(key, expressions.interpolate(value)));
            var stepContext = new LinkedHashMap<String, Object>();
            stepContext.put("outputs", new LinkedHashMap<String, Object>());
            if (step.get("id") != null) {
                steps.put(step.get("id").toString(), stepContext);
            }
            boolean succeeded;
            long started = System.nanoTime();
            Object uses = step.get("uses");
            if (uses == null) {
                String directory = String.valueOf(step.getOrDefault("working-directory", "."));
                succeeded = run(step.get("run").toString(), workspace.resolve(directory).normalize(), stepEnvironment, out);
                log.add((succeeded ? "ran: " : "FAILED: ") + name + String.format(Locale.ROOT, " (%.1f s)",
                        (System.nanoTime() - started) / 1e9));
            } else {
                switch (uses.toString()) {
                    case ClassroomWorkflow.CHECKOUT -> succeeded = checkout(with, student, course, workspace, github, log, out);
                    case ClassroomWorkflow.SETUP_JAVA -> succeeded = setupJava(with, runner, log, out);
                    case ClassroomActions.COMMAND_GRADER -> {
                        try {
                            var graded = ClassroomActions.commandGrader(with, workspace, stepEnvironment);
                            ((Map<String, Object>) stepContext.get("outputs")).put(ClassroomActions.COMMAND_GRADER_OUTPUT, graded.result());
                            log.add(graded.status() + " " + graded.score() + "/" + graded.maxScore() + ": " + with.get("test-name"));
                            succeeded = true;
                        } catch (IllegalStateException actionFailed) {
                            out.println("the command grader failed: " + actionFailed.getMessage());
                            succeeded = false;
                        }
                    }
                    case ClassroomActions.REPORTER -> {
                        report = ClassroomActions.reporter(with, stepEnvironment);
                        succeeded = report.error() == null && !report.anyFailed();
                        log.add("reporter: " + (report.error() != null ? report.error()
                                : "Points " + Expressions.asString(report.totalPoints()) + "/" + Expressions.asString(report.maxPoints())));
                    }
                    default -> throw new IllegalStateException("unknown action " + uses);
                }
            }
            stepContext.put("outcome", succeeded ? "success" : "failure");
            stepContext.put("conclusion", succeeded ? "success" : "failure");
            failed[0] |= !succeeded;
        }
        long passed = log.stream().filter(line -> line.startsWith("pass ")).count();
        long graders = log.stream().filter(line -> line.matches("(pass|fail|error) .*")).count();
        out.println("replayed " + number + " steps: " + passed + " of " + graders + " command graders passed"
                + (failed[0] ? "; the job failed" : ""));
        log.stream().filter(line -> !line.matches("(pass|fail|error) .*")).forEach(line -> out.println("  " + line));
        return new Outcome(log, report, failed[0]);
    }

    /** The runner's own environment: the machine's, with GitHub's variables, as on ubuntu-latest. */
    private static Map<String, String> runnerEnvironment(Path workspace, Map<String, Object> github) throws IOException {
        var environment = new LinkedHashMap<>(System.getenv());
        environment.put("CI", "true");
        environment.put("GITHUB_ACTIONS", "true");
        environment.put("GITHUB_WORKSPACE", workspace.toString());
        environment.put("GITHUB_ACTOR", github.get("actor").toString());
        environment.put("GITHUB_REPOSITORY", github.get("repository").toString());
        environment.put("RUNNER_OS", "Linux");
        // GitHub's runners let the job use sudo without a password; this machine's root needs none.
        if (!onPath(environment.get("PATH"), "sudo")) {
            Path shims = Files.createDirectories(workspace.getParent().resolve(workspace.getFileName() + "-shims"));
            Path sudo = shims.resolve("sudo");
            Files.writeString(sudo, "#!/bin/sh\nexec \"$@\"\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
            environment.put("PATH", shims + ":" + environment.get("PATH"));
        }
        return environment;
    }

    private static boolean onPath(String path, String program) {
        return path != null && Stream.of(path.split(":")).anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }

    /** A {@code run:} step: the script in a file, run with {@code bash -e}, GitHub's default shell. */
    private static boolean run(String script, Path directory, Map<String, String> environment, PrintStream out)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("step-", ".sh");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            var builder = new ProcessBuilder("bash", "-e", file.toString()).directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            var process = builder.start();
            process.getOutputStream().close();
            try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                lines.lines().forEach(line -> out.println("    | " + line));
            }
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * {@code actions/checkout}: without {@code repository}, the student's own; with it, the
     * pristine course, which must not be the student's repository, into {@code path}.
     */
    private static boolean checkout(Map<String, String> with, Path student, Path course, Path workspace,
            Map<String, Object> github, List<String> log, PrintStream out) throws IOException, InterruptedException {
        String repository = with.getOrDefault("repository", "");
        if (repository.isEmpty()) {
            copy(student, workspace);
            log.add("checked out the student's repository");
            return true;
        }
        if (repository.equalsIgnoreCase(github.get("repository").toString())) {
            out.println("FAIL: the course's checkout is the student's own repository");
            return false;
        }
        String path = with.getOrDefault("path", "");
        if (path.isEmpty()) {
            out.println("FAIL: the course's checkout has no path: it would replace the student's repository");
            return false;
        }
        copy(course, workspace.resolve(path));
        log.add("checked out " + repository + " (token " + (with.getOrDefault("token", "").isEmpty() ? "none" : "set")
                + ") into " + path);
        return true;
    }

    /** {@code actions/setup-java}: this machine's JDK of the version asked for, as JAVA_HOME. */
    private static boolean setupJava(Map<String, String> with, Map<String, String> runner, List<String> log, PrintStream out) {
        String version = with.getOrDefault("java-version", "");
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (!version.equals(Integer.toString(Runtime.version().feature()))) {
            for (String candidate : List.of("/usr/lib/jvm/java-" + version + "-openjdk-amd64", "/usr/lib/jvm/temurin-" + version + "-jdk-amd64")) {
                if (Files.isExecutable(Path.of(candidate, "bin/java"))) {
                    javaHome = Path.of(candidate);
                }
            }
        }
        if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
            out.println("FAIL: no JDK " + version + " on this machine for actions/setup-java");
            return false;
        }
        runner.put("JAVA_HOME", javaHome.toString());
        runner.put("PATH", javaHome.resolve("bin") + ":" + runner.get("PATH"));
        log.add("set up Java " + version + " (" + with.getOrDefault("distribution", "") + "): " + javaHome);
        return true;
    }

    /** A checkout's files: git's list where the folder is a clone, else every file but build output. */
    private static void copy(Path from, Path to) throws IOException, InterruptedException {
        Files.createDirectories(to);
        List<String> files;
        if (Files.exists(from.resolve(".git"))) {
            var git = new ProcessBuilder("git", "-C", from.toString(), "ls-files", "-z").start();
            byte[] listing = git.getInputStream().readAllBytes();
            git.waitFor(60, TimeUnit.SECONDS);
            files = Stream.of(new String(listing, StandardCharsets.UTF_8).split("\0")).filter(file -> !file.isEmpty()).toList();
        } else {
            try (Stream<Path> paths = Files.walk(from)) {
                files = paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                        .map(path -> from.relativize(path).toString())
                        .filter(path -> !path.startsWith(".git/") && !path.contains("target/"))
                        .toList();
            }
        }
        for (String file : files) {
            Path source = from.resolve(file);
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Path shims = folder.resolveSibling(folder.getFileName() + "-shims");
        if (Files.exists(shims)) {
            deleteTree(shims);
        }
    }
}
