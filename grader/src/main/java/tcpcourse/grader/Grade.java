package tcpcourse.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tcpcourse.grader.sandbox.Sandbox;

/**
 * The grading command: grades the exercises of a student's checkout of the course, of a folder
 * of such checkouts, of the course's own stubs or of its reference solutions.
 *
 * <p>Run it from the course's folder with
 * {@code ./mvnw -q -pl grader compile exec:java -Dexec.args="path/to/checkout"}. It prints the
 * report and writes {@code report.txt}, {@code report.json} and Gradescope's
 * {@code results.json} under {@code grader/target/grading/<name>/}.
 */
public final class Grade {

    /** Grading tests mostly wait on sockets and deadlines: two test JVMs per core keep the cores busy. */
    static final int JOBS_PER_CORE = 2;

    static final String USAGE = "usage: Grade [CHECKOUT | --class=FOLDER [--roster=FILE] | --reference] [--exercise=ID,...]"
            + " [--name=NAME] [--expect=full|zero] [--jobs=N] [--sandbox=auto|required|off]"
            + " | Grade --points=FILE | Grade --classroom=FILE [--template=OWNER/NAME]"
            + " | Grade --edition=FOLDER [--template=OWNER/NAME] | Grade --gradescope=FILE.zip | Grade --help";

    private Grade() {}

    /** What the command line asked for. */
    record Request(Path checkout, Path classFolder, boolean reference, Set<String> exercises, String expect, int jobs,
            Path pointsTable, Path classroomWorkflow, String name, Sandbox.Mode sandbox, Path edition, String template,
            Path gradescope, Path roster, boolean help) {}

    /** A wrong command line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Request parse(String[] args) throws UsageException {
        Path checkout = null;
        Path classFolder = null;
        Path pointsTable = null;
        Path classroomWorkflow = null;
        String name = null;
        boolean reference = false;
        Set<String> exercises = Set.of();
        String expect = null;
        int jobs = JOBS_PER_CORE * Math.max(1, Runtime.getRuntime().availableProcessors());
        Sandbox.Mode sandbox = Sandbox.Mode.AUTO;
        Path edition = null;
        String template = null;
        Path gradescope = null;
        Path roster = null;
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith("--gradescope=")) {
                gradescope = Path.of(arg.substring("--gradescope=".length()));
                if (!gradescope.toString().endsWith(".zip")) {
                    throw new UsageException("--gradescope takes the zip file to write, FILE.zip, not " + gradescope);
                }
            } else if (arg.startsWith("--roster=")) {
                roster = Path.of(arg.substring("--roster=".length()));
            } else if (arg.startsWith("--edition=")) {
                edition = Path.of(arg.substring("--edition=".length()));
            } else if (arg.startsWith("--template=")) {
                template = arg.substring("--template=".length());
                if (!template.matches("[\\w.-]+/[\\w.-]+")) {
                    throw new UsageException("--template takes a GitHub repository as OWNER/NAME, not " + template);
                }
            } else if (arg.startsWith("--sandbox=")) {
                String mode = arg.substring("--sandbox=".length());
                sandbox = switch (mode) {
                    case "auto" -> Sandbox.Mode.AUTO;
                    case "required" -> Sandbox.Mode.REQUIRED;
                    case "off" -> Sandbox.Mode.OFF;
                    default -> throw new UsageException("--sandbox takes auto, required or off, not " + mode);
                };
            } else if (arg.equals("--reference")) {
                reference = true;
            } else if (arg.startsWith("--points=")) {
                pointsTable = Path.of(arg.substring("--points=".length()));
            } else if (arg.startsWith("--classroom=")) {
                classroomWorkflow = Path.of(arg.substring("--classroom=".length()));
            } else if (arg.startsWith("--name=")) {
                name = arg.substring("--name=".length());
                if (!name.matches("[\\w.-]+")) {
                    throw new UsageException("--name takes letters, digits, '.', '-' and '_' only, not " + name);
                }
            } else if (arg.startsWith("--class=")) {
                classFolder = Path.of(arg.substring("--class=".length()));
            } else if (arg.startsWith("--exercise=")) {
                exercises = Set.of(arg.substring("--exercise=".length()).split(","));
            } else if (arg.startsWith("--expect=")) {
                expect = arg.substring("--expect=".length());
                if (!expect.equals("full") && !expect.equals("zero")) {
                    throw new UsageException("--expect takes full or zero, not " + expect);
                }
            } else if (arg.startsWith("--jobs=")) {
                try {
                    jobs = Integer.parseInt(arg.substring("--jobs=".length()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--jobs takes a number, not " + arg.substring("--jobs=".length()));
                }
                if (jobs < 1) {
                    throw new UsageException("--jobs takes a number of at least 1");
                }
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else if (checkout == null) {
                checkout = Path.of(arg);
            } else {
                throw new UsageException("one checkout at a time; use --class=FOLDER for many");
            }
        }
        if ((checkout != null ? 1 : 0) + (classFolder != null ? 1 : 0) + (reference ? 1 : 0) > 1) {
            throw new UsageException("give one of CHECKOUT, --class=FOLDER and --reference");
        }
        if (roster != null && classFolder == null) {
            throw new UsageException("--roster names the students of a class: give it with --class=FOLDER");
        }
        if (roster != null && !Files.isRegularFile(roster)) {
            throw new UsageException("no such roster file: " + roster.toAbsolutePath().normalize());
        }
        for (Path folder : Stream.of(checkout, classFolder).filter(path -> path != null).toList()) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException("no such folder: " + folder.toAbsolutePath().normalize());
            }
        }
        return new Request(checkout, classFolder, reference, exercises, expect, jobs, pointsTable, classroomWorkflow, name,
                sandbox, edition, template, gradescope, roster, help);
    }

    /**
     * Grades what {@code args} names and writes the reports.
     *
     * @return 0 when grading is done (and the --expect check, if asked for, holds); 1 for a wrong
     *     argument or a failed --expect check; 2 when the course itself cannot be compiled
     */
    static int run(String[] args, Path course, Path libraries, Path output, PrintStream out, PrintStream err)
            throws InterruptedException {
        Request request;
        try {
            request = parse(args);
        } catch (UsageException wrongArgument) {
            err.println(wrongArgument.getMessage() + "; " + USAGE);
            return 1;
        }
        if (request.help()) {
            out.println(USAGE);
            return 0;
        }
        // Everything a test JVM may see lives in a folder of this run's own, which the sandbox's
        // unprivileged users can read, and which is deleted when the run ends.
        Path build;
        try {
            build = Files.createTempDirectory("tcpcourse-grading-");
            Files.setPosixFilePermissions(build, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            err.println("cannot grade: cannot make a folder to grade in: " + e.getMessage());
            return 2;
        }
        try {
            return grade(request, course, libraries, output, build, out, err);
        } finally {
            try {
                Grader.deleteTree(build);
            } catch (UncheckedIOException e) {
                err.println("could not delete the grading folder " + build + ": " + e.getCause());
            }
        }
    }

    private static int grade(Request request, Path course, Path libraries, Path output, Path build, PrintStream out,
            PrintStream err) throws InterruptedException {
        Course compiled;
        try {
            compiled = Course.compile(course, ClassPath.readLibraries(libraries), build);
        } catch (Course.CourseError broken) {
            err.println("cannot grade: " + broken.getMessage());
            return 2;
        }
        var catalogue = compiled.catalogue();
        if (request.pointsTable() != null) {
            write(request.pointsTable(), Reports.pointsTable(catalogue));
            out.println("Points table: " + request.pointsTable() + " (" + catalogue.maxPoints() + " points in all)");
            return 0;
        }
        if (request.classroomWorkflow() != null) {
            write(request.classroomWorkflow(), Reports.classroomWorkflow(catalogue, request.template()));
            out.println("GitHub Classroom workflow: " + request.classroomWorkflow());
            return 0;
        }
        if (request.gradescope() != null) {
            try {
                int files = Autograder.write(course, request.gradescope(), Reports.classroomWorkflow(catalogue, request.template()));
                out.println("Gradescope autograder: " + request.gradescope().toAbsolutePath().normalize() + " (" + files
                        + " files: setup.sh, run_autograder and the course's student edition; upload it as the"
                        + " assignment's autograder)");
                return 0;
            } catch (IOException e) {
                err.println("cannot write the Gradescope autograder: " + e.getMessage());
                return 1;
            }
        }
        if (request.edition() != null) {
            try {
                int files = Edition.write(course, request.edition(), Reports.classroomWorkflow(catalogue, request.template()));
                out.println("Student edition: " + request.edition().toAbsolutePath().normalize() + " (" + files
                        + " files, no reference solutions; its Classroom workflow grades with "
                        + (request.template() == null ? "the repository variable COURSE_REPOSITORY" : request.template()) + ")");
                return 0;
            } catch (IOException e) {
                err.println("cannot write the student edition: " + e.getMessage());
                return 1;
            }
        }
        Roster roster = Roster.NONE;
        if (request.roster() != null) {
            try {
                roster = Roster.read(request.roster());
            } catch (Roster.RosterException unreadable) {
                err.println(unreadable.getMessage());
                return 1;
            }
        }
        Predicate<String> selected = request.exercises().isEmpty() ? id -> true : request.exercises()::contains;
        var unknown = request.exercises().stream()
                .filter(id -> catalogue.lessons().stream().flatMap(lesson -> lesson.exercises().stream())
                        .noneMatch(exercise -> exercise.id().equals(id)))
                .toList();
        if (!unknown.isEmpty()) {
            err.println("no such exercise: " + String.join(", ", unknown) + "; " + USAGE);
            return 1;
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.detect(request.sandbox(), Path.of(System.getProperty("java.home")), Sandbox.Limits.DEFAULT);
        } catch (IllegalStateException none) {
            err.println("cannot grade with --sandbox=required: " + none.getMessage());
            return 2;
        }
        out.println((sandbox.isolated() ? "" : "WARNING: ") + "Tests run " + sandbox.description());

        long gradingStart = System.nanoTime();
        var submissions = new ArrayList<Results.Submission>();
        var slots = new java.util.concurrent.atomic.AtomicInteger();
        var slot = new ThreadLocal<Integer>();
        var executor = Executors.newFixedThreadPool(request.jobs(), task -> new Thread(() -> {
            slot.set(slots.getAndIncrement());
            task.run();
        }, "grading"));
        try {
            var grader = new Grader(compiled, sandbox, executor, slot);
            var pending = new ArrayList<Grader.Pending>();
            for (var target : targets(request, course)) {
                Path logs = output.resolve(target.name()).resolve("logs");
                Grader.deleteTree(logs);
                pending.add(grader.grade(target.name(), target.checkout(), target.exercises()::of,
                        build.resolve("work").resolve(target.name()), logs, selected));
            }
            for (var graded : pending) {
                // Every process of this submission has ended: only now are its reports written.
                var submission = graded.get();
                writeReports(submission, output.resolve(submission.name()));
                out.print(Reports.text(submission));
                out.println("Reports: " + output.resolve(submission.name()).toAbsolutePath().normalize()
                        + " (report.txt, report.json, results.json, junit.xml); took " + submission.took().toSeconds() + " s");
                out.println();
                submissions.add(submission);
            }
            out.printf(java.util.Locale.ROOT, "Graded %d submission(s) in %.1f s with %d job(s): %s%n", submissions.size(),
                    (System.nanoTime() - gradingStart) / 1e9, request.jobs(), grader.timeSpent());
        } finally {
            executor.shutdownNow();
            // Each task ends its test JVM when interrupted; wait for them before the folder goes.
            executor.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        if (request.classFolder() != null) {
            for (String folder : roster.byFolder().keySet().stream().sorted().toList()) {
                if (submissions.stream().noneMatch(submission -> submission.name().equals(folder))) {
                    err.println("roster: no submission in " + request.classFolder() + " for " + folder
                            + "; their row has no scores");
                }
            }
            for (var submission : submissions) {
                if (!roster.byFolder().isEmpty() && !roster.byFolder().containsKey(submission.name())) {
                    err.println("roster: " + submission.name() + " is not on the roster; their row has no student id");
                }
            }
            write(output.resolve("grades.csv"), Reports.csv(catalogue, submissions, roster));
            out.println("Class table: " + output.resolve("grades.csv").toAbsolutePath().normalize()
                    + " (one row per student, ready to import into Canvas or Moodle)");
        }
        return checkExpectation(request.expect(), submissions, out, err);
    }

    /** A checkout to grade, and where in it each lesson's exercise sources are. */
    private record Target(String name, Path checkout, ExerciseSources exercises) {}

    @FunctionalInterface
    private interface ExerciseSources {
        Path of(Course.LessonBuild lesson);
    }

    private static List<Target> targets(Request request, Path course) {
        if (request.reference()) {
            return List.of(new Target("reference", course,
                    lesson -> lesson.module().resolve("src/solutions/java")));
        }
        if (request.checkout() != null) {
            Path checkout = request.checkout().toAbsolutePath().normalize();
            String name = request.name() != null ? request.name() : nameOf(checkout);
            return List.of(new Target(name, checkout, lesson -> lesson.exercisesIn(checkout)));
        }
        if (request.classFolder() != null) {
            try (Stream<Path> students = Files.list(request.classFolder())) {
                return students
                        .filter(Files::isDirectory)
                        .filter(folder -> !folder.getFileName().toString().startsWith("."))
                        .sorted()
                        .map(folder -> folder.toAbsolutePath().normalize())
                        .map(folder -> new Target(nameOf(folder), folder, lesson -> lesson.exercisesIn(folder)))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // Nothing named: the course's own, untouched stubs.
        return List.of(new Target("stubs", course, lesson -> lesson.exercisesIn(course)));
    }

    /** A submission's name, from its folder, as a safe file name of its own. */
    private static String nameOf(Path folder) {
        Path name = folder.getFileName();
        return name == null ? "submission" : name.toString().replaceAll("[^\\w.-]", "_").replaceFirst("^\\.", "_");
    }

    private static void writeReports(Results.Submission submission, Path folder) {
        write(folder.resolve("report.txt"), Reports.text(submission));
        write(folder.resolve("report.json"), Reports.json(submission));
        write(folder.resolve("results.json"), Reports.gradescope(submission));
        write(folder.resolve("passed.txt"), Reports.passed(submission));
        write(folder.resolve("junit.xml"), Reports.junit(submission));
    }

    /** Writes {@code file} whole or not at all: to a file beside it, then renamed over it. */
    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static int checkExpectation(String expect, List<Results.Submission> submissions, PrintStream out,
            PrintStream err) {
        if (expect == null) {
            return 0;
        }
        boolean holds = true;
        for (var submission : submissions) {
            if (expect.equals("full") && submission.score() != submission.maxPoints()) {
                err.println("expected full marks for " + submission.name() + ", got " + submission.score() + " / "
                        + submission.maxPoints());
                holds = false;
            }
            if (expect.equals("zero")) {
                for (var exercise : submission.exercises()) {
                    for (var test : exercise.tests()) {
                        if (test.status() == Results.Status.PASSED) {
                            err.println("expected every grading test to fail on " + submission.name() + ", but "
                                    + exercise.exercise().testClass() + "." + test.method() + " passed");
                            holds = false;
                        }
                    }
                }
            }
        }
        if (holds) {
            out.println("As expected: " + (expect.equals("full") ? "full marks" : "every grading test fails") + ".");
        }
        return holds ? 0 : 1;
    }

    /** Runs the command; see {@link #run}. */
    public static void main(String[] args) throws InterruptedException {
        Path course = Path.of(System.getProperty("grader.course", ".")).toAbsolutePath().normalize();
        Path libraries = Path.of(System.getProperty("grader.libraries", "grader/target/test-libraries.classpath"));
        Path output = Path.of(System.getProperty("grader.output", "grader/target/grading")).toAbsolutePath().normalize();
        System.exit(run(args, course, libraries, output, System.out, System.err));
    }
}
