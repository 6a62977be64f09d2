package tcpcourse.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tcpcourse.testkit.grading.Feedback;

/**
 * The grading reports: one for a person ({@link #text}), one for a machine ({@link #json}), one
 * in Gradescope's {@code results.json} form ({@link #gradescope}), and a class's table
 * ({@link #csv}).
 */
final class Reports {

    private Reports() {}

    /** The report a student or instructor reads: a score per exercise, per lesson, and the total. */
    static String text(Results.Submission submission) {
        var report = new StringBuilder();
        report.append("Grading of ").append(submission.name());
        if (submission.checkout() != null) {
            report.append(" (").append(submission.checkout()).append(')');
        }
        report.append('\n');
        report.append(submission.sandboxed() ? "Tests ran " : "NOT SANDBOXED: tests ran ").append(submission.sandbox())
                .append("\n\n");
        for (var lesson : submission.lessons()) {
            report.append(Feedback.lessonHeading(lesson.lesson().number(), lesson.lesson().module())).append('\n');
            for (String note : lesson.notes()) {
                report.append("  ").append(note).append('\n');
            }
            for (String flag : lesson.flags()) {
                report.append("  for the instructor to look at: ").append(flag).append('\n');
            }
            for (var exercise : lesson.exercises()) {
                report.append(Feedback.exerciseLine(exercise.exercise().id(), exercise.exercise().title(),
                        exercise.score(), exercise.exercise().maxPoints(), exercise.summary())).append('\n');
            }
            report.append(Feedback.lessonLine(lesson.lesson().number(), lesson.score(), lesson.maxPoints())).append("\n\n");
        }
        report.append(Feedback.totalLine(submission.score(), submission.maxPoints())).append('\n');

        var unfinished = submission.exercises().stream()
                .filter(exercise -> exercise.score() < exercise.exercise().maxPoints())
                .toList();
        if (!unfinished.isEmpty()) {
            report.append("\nWhat to look at\n");
            for (var exercise : unfinished) {
                report.append("\n  Exercise ").append(exercise.exercise().id()).append(", ")
                        .append(exercise.exercise().title()).append(":\n");
                for (var test : exercise.tests()) {
                    if (test.status() != Results.Status.PASSED) {
                        report.append("    - ").append(test.method()).append(" (").append(test.maxPoints())
                                .append(test.maxPoints() == 1 ? " point" : " points").append("): ")
                                .append(test.message()).append('\n');
                    }
                }
                report.append("    - all tests together (").append(exercise.exercise().completionPoints())
                        .append(" points): they come with the last failing test above\n");
                if (!exercise.exercise().hint().isEmpty()) {
                    report.append("    ").append(exercise.exercise().hint()).append('\n');
                }
            }
        }
        return report.toString();
    }

    /** Every score and every test's outcome, for other programs. */
    static String json(Results.Submission submission) {
        var lessons = new ArrayList<String>();
        for (var lesson : submission.lessons()) {
            var exercises = new ArrayList<String>();
            for (var exercise : lesson.exercises()) {
                var tests = exercise.tests().stream()
                        .map(test -> object(
                                field("name", test.method()),
                                field("score", test.score()),
                                field("max", test.maxPoints()),
                                field("status", test.status().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                                field("message", test.message())))
                        .toList();
                exercises.add(object(
                        field("id", exercise.exercise().id()),
                        field("title", exercise.exercise().title()),
                        field("score", exercise.score()),
                        field("max", exercise.exercise().maxPoints()),
                        field("summary", exercise.summary()),
                        field("main_idea", exercise.exercise().mainIdea()),
                        field("completion_points", exercise.exercise().completionPoints()),
                        "\"tests\": " + array(tests)));
            }
            lessons.add(object(
                    field("lesson", lesson.lesson().number()),
                    field("module", lesson.lesson().module()),
                    field("score", lesson.score()),
                    field("max", lesson.maxPoints()),
                    "\"left_out\": " + array(lesson.notes().stream().map(Reports::quote).toList()),
                    "\"flags\": " + array(lesson.flags().stream().map(Reports::quote).toList()),
                    "\"exercises\": " + array(exercises)));
        }
        return object(
                field("submission", submission.name()),
                field("sandboxed", submission.sandboxed() ? 1 : 0),
                field("sandbox", submission.sandbox()),
                field("score", submission.score()),
                field("max", submission.maxPoints()),
                field("seconds", submission.took().toMillis() / 1000.0),
                "\"lessons\": " + array(lessons)) + "\n";
    }

    /**
     * Gradescope's autograder result ({@code results.json}): the total, the time it took, the
     * report as the output, and one entry per grading test and per exercise's "all tests pass",
     * each with its status, number ("1.1.1"), tags (the lesson and the exercise) and visibility.
     */
    static String gradescope(Results.Submission submission) {
        var tests = new ArrayList<String>();
        for (var exercise : submission.exercises()) {
            String id = exercise.exercise().id();
            String hint = exercise.exercise().hint();
            String tags = array(List.of(quote("lesson " + id.replaceFirst("\\..*", "")), quote("exercise " + id)));
            int number = 0;
            for (var test : exercise.tests()) {
                boolean passed = test.status() == Results.Status.PASSED;
                String output = passed ? "passed" : test.message() + (hint.isEmpty() ? "" : "\n\n" + hint);
                tests.add(object(
                        field("name", "Exercise " + id + " " + exercise.exercise().title() + ": " + test.method()),
                        field("number", id + "." + (++number)),
                        field("score", test.score()),
                        field("max_score", test.maxPoints()),
                        field("status", passed ? "passed" : "failed"),
                        field("output", output),
                        field("output_format", "text"),
                        "\"tags\": " + tags,
                        field("visibility", "visible")));
            }
            tests.add(object(
                    field("name", "Exercise " + id + " " + exercise.exercise().title() + ": all tests pass"),
                    field("number", id + "." + (++number)),
                    field("score", exercise.complete() ? exercise.exercise().completionPoints() : 0),
                    field("max_score", exercise.exercise().completionPoints()),
                    field("status", exercise.complete() ? "passed" : "failed"),
                    field("output", exercise.complete() ? "passed" : "not every test of the exercise passed"),
                    field("output_format", "text"),
                    "\"tags\": " + tags,
                    field("visibility", "visible")));
        }
        return object(
                field("score", submission.score()),
                field("execution_time", Math.max(1, submission.took().toSeconds())),
                field("output", text(submission)),
                field("output_format", "text"),
                field("visibility", "visible"),
                field("stdout_visibility", "hidden"),
                "\"tests\": " + array(tests)) + "\n";
    }

    /** One line per grading test that passed, "exercise method", for GitHub Classroom's steps. */
    static String passed(Results.Submission submission) {
        var lines = new StringBuilder();
        for (var exercise : submission.exercises()) {
            for (var test : exercise.tests()) {
                if (test.status() == Results.Status.PASSED) {
                    lines.append(exercise.exercise().id()).append(' ').append(test.method()).append('\n');
                }
            }
            if (exercise.complete()) {
                lines.append(exercise.exercise().id()).append(" complete\n");
            }
        }
        return lines.toString();
    }

    /**
     * A GitHub Classroom workflow that gives the same points as the grader. Classroom gives a
     * step's points all or nothing, so each grading test is a step of its own, and so is each
     * exercise's "all tests pass": the grader runs once, and each step checks passed.txt.
     *
     * <p>The names it uses are those of the actions' own descriptions: the reporter
     * (classroom-resources/autograding-grading-reporter) reads, for each id in {@code runners},
     * the variable {@code ID_RESULTS} with the id in capitals, and Classroom takes the scores only
     * from a workflow named "Autograding Tests" whose one job is "run-autograding-tests".
     *
     * @param template the pristine course's repository ("owner/name"), or null: then the
     *     workflow takes it from the repository variable COURSE_REPOSITORY, and fails when unset
     */
    static String classroomWorkflow(Catalogue catalogue, String template) {
        String repository = template == null ? "${{ vars.COURSE_REPOSITORY }}"
                : "${{ vars.COURSE_REPOSITORY || '" + template + "' }}";
        var workflow = new StringBuilder("""
                # Written by the grader: ./mvnw -q -pl grader compile exec:java -Dexec.args=--classroom=FILE
                # from the grading tests' points. Do not edit.
                name: Autograding Tests
                on: [push, workflow_dispatch, repository_dispatch]
                permissions:
                  checks: write
                  actions: read
                  contents: read
                jobs:
                  run-autograding-tests:
                    runs-on: ubuntu-latest
                    # GitHub Classroom's bot makes the first commit of every student's repository: nothing to grade yet.
                    if: github.actor != 'github-classroom[bot]'
                    timeout-minutes: 30
                    env:
                      COURSE_REPOSITORY: REPOSITORY
                    steps:
                      - name: The student's repository
                        uses: actions/checkout@v4
                      # The course's own tests and build files, so that editing them gains nothing.
                      - name: Which course grades
                        run: |
                          if [ -z "$COURSE_REPOSITORY" ]; then
                            echo "::error::Set the repository variable COURSE_REPOSITORY to the course's repository (owner/name): the grader never grades with the student's own tests."
                            exit 1
                          fi
                      - name: The course, pristine
                        uses: actions/checkout@v4
                        with:
                          repository: ${{ env.COURSE_REPOSITORY }}
                          # A private course needs a token that can read it, in the secret COURSE_TOKEN.
                          token: ${{ secrets.COURSE_TOKEN || github.token }}
                          path: .course
                      - uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: '17'
                          cache: maven
                      - name: A sandbox for the tests
                        run: |
                          sudo apt-get install -y -qq bubblewrap
                          # Ubuntu's runners forbid the user namespaces bubblewrap makes, unless told otherwise.
                          sudo sysctl -q -w kernel.apparmor_restrict_unprivileged_userns=0 || true
                      - name: Grade every exercise
                        working-directory: .course
                        run: ./mvnw -B -q -pl grader compile exec:java -Dexec.args="--name=student .."
                """.replace("REPOSITORY", repository));
        var ids = new java.util.ArrayList<String>();
        for (var lesson : catalogue.lessons()) {
            for (var exercise : lesson.exercises()) {
                String prefix = "ex" + exercise.id().replace('.', 'p');
                for (var test : exercise.tests()) {
                    String id = prefix + test.method();
                    ids.add(id);
                    step(workflow, id, exercise.id() + " " + test.method(), exercise.id() + ' ' + test.method(), test.points());
                }
                String id = prefix + "complete";
                ids.add(id);
                step(workflow, id, exercise.id() + " all tests pass", exercise.id() + " complete", exercise.completionPoints());
            }
        }
        workflow.append("      - name: Autograding Reporter\n")
                .append("        uses: classroom-resources/autograding-grading-reporter@v1\n")
                .append("        env:\n");
        for (String id : ids) {
            workflow.append("          ").append(id.toUpperCase(java.util.Locale.ROOT)).append("_RESULTS: \"${{steps.")
                    .append(id).append(".outputs.result}}\"\n");
        }
        workflow.append("        with:\n          runners: ").append(String.join(",", ids)).append('\n');
        return workflow.toString();
    }

    private static void step(StringBuilder workflow, String id, String name, String passedLine, int points) {
        workflow.append("      - id: ").append(id).append('\n')
                .append("        uses: classroom-resources/autograding-command-grader@v1\n")
                .append("        with:\n")
                .append("          test-name: \"").append(name).append("\"\n")
                .append("          command: grep -qx '").append(passedLine)
                .append("' .course/grader/target/grading/student/passed.txt\n")
                .append("          timeout: 1\n")
                .append("          max-score: ").append(points).append('\n');
    }

    /** The course's points as an AsciiDoc table, for the instructors' page. */
    static String pointsTable(Catalogue catalogue) {
        var table = new StringBuilder("""
                // Written by the grader: ./mvnw -q -pl grader compile exec:java -Dexec.args=--points=FILE
                // from the grading tests and the exercises' Javadoc. Do not edit.
                [cols="1,3,6,1,1,1",options="header"]
                |===
                | Exercise | Title | Main idea | Tests (points) | All pass | Points
                """);
        for (var lesson : catalogue.lessons()) {
            for (var exercise : lesson.exercises()) {
                table.append("\n| ").append(exercise.id()).append(" | ").append(exercise.title()).append(" | ")
                        .append(exercise.mainIdea().replaceFirst("^Main idea:\\s*", "").replace("|", "\\|"))
                        .append(" | ").append(exercise.tests().size()).append(" (").append(exercise.testPoints())
                        .append(") | ").append(exercise.completionPoints()).append(" | ").append(exercise.maxPoints())
                        .append('\n');
            }
            table.append("\n3+| *Lesson ").append(lesson.number()).append("* | | | *").append(lesson.maxPoints()).append("*\n");
        }
        table.append("\n3+| *Course total* | | | *").append(catalogue.maxPoints()).append("*\n|===\n");
        return table.toString();
    }

    /** A class's table: one row per student, one column per exercise, then the total. */
    static String csv(Catalogue catalogue, List<Results.Submission> submissions) {
        var exercises = catalogue.lessons().stream().flatMap(lesson -> lesson.exercises().stream()).toList();
        var table = new StringBuilder("student");
        exercises.forEach(exercise -> table.append(',').append(exercise.id()));
        table.append(",total,sandbox\n");
        table.append("max");
        exercises.forEach(exercise -> table.append(',').append(exercise.maxPoints()));
        table.append(',').append(catalogue.maxPoints()).append(",\n");
        for (var submission : submissions) {
            table.append(csvField(submission.name()));
            for (var exercise : exercises) {
                int score = submission.exercises().stream()
                        .filter(graded -> graded.exercise().id().equals(exercise.id()))
                        .mapToInt(Results.Exercise::score)
                        .sum();
                table.append(',').append(score);
            }
            table.append(',').append(submission.score()).append(',')
                    .append(submission.sandboxed() ? "sandboxed" : "not sandboxed").append('\n');
        }
        return table.toString();
    }

    private static String csvField(String value) {
        return value.matches("[^,\"\\r\\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String object(String... fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    private static String array(List<String> elements) {
        return "[" + String.join(", ", elements) + "]";
    }

    private static String field(String name, Object value) {
        String json = value instanceof Number ? value.toString() : quote(String.valueOf(value));
        return quote(name) + ": " + json;
    }

    static String quote(String text) {
        return text.chars().mapToObj(c -> switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c);
        }).collect(Collectors.joining("", "\"", "\""));
    }
}
