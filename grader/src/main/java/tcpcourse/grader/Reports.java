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
     * Gradescope's autograder result ({@code results.json}), with every field its specification
     * describes but the leaderboard: the total, the time it took, the report as the output (plain
     * text), the formats of the outputs and names, the visibility of the results and of the
     * autograder's own console, and one entry per grading test and per exercise's "all tests
     * pass", each with its status, number ("1.1.1"), tags (the lesson and the exercise),
     * visibility, and the grader's own data (exercise, test method, status) as extra data.
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
                        field("name_format", "text"),
                        field("number", id + "." + (++number)),
                        field("score", test.score()),
                        field("max_score", test.maxPoints()),
                        field("status", passed ? "passed" : "failed"),
                        field("output", output),
                        field("output_format", "text"),
                        "\"tags\": " + tags,
                        field("visibility", "visible"),
                        "\"extra_data\": " + object(field("exercise", id), field("test_class", exercise.exercise().testClass()),
                                field("method", test.method()), field("status", status(test.status())))));
            }
            tests.add(object(
                    field("name", "Exercise " + id + " " + exercise.exercise().title() + ": all tests pass"),
                    field("name_format", "text"),
                    field("number", id + "." + (++number)),
                    field("score", exercise.complete() ? exercise.exercise().completionPoints() : 0),
                    field("max_score", exercise.exercise().completionPoints()),
                    field("status", exercise.complete() ? "passed" : "failed"),
                    field("output", exercise.complete() ? "passed" : "not every test of the exercise passed"),
                    field("output_format", "text"),
                    "\"tags\": " + tags,
                    field("visibility", "visible"),
                    "\"extra_data\": " + object(field("exercise", id), field("test_class", exercise.exercise().testClass()),
                            field("method", "all tests pass"), field("summary", exercise.summary()))));
        }
        return object(
                field("score", submission.score()),
                field("execution_time", Math.max(1, submission.took().toSeconds())),
                field("output", text(submission)),
                field("output_format", "text"),
                field("test_output_format", "text"),
                field("test_name_format", "text"),
                field("visibility", "visible"),
                field("stdout_visibility", "hidden"),
                "\"extra_data\": " + object(field("submission", submission.name()), field("max_score", submission.maxPoints()),
                        field("sandboxed", submission.sandboxed() ? 1 : 0), field("sandbox", submission.sandbox())),
                "\"tests\": " + array(tests)) + "\n";
    }

    private static String status(Results.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
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
                      COURSE_REPOSITORY: @REPOSITORY@
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
                """.replace("@REPOSITORY@", repository));
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

    /** The columns before the scores, as Canvas's gradebook import reads them. */
    static final List<String> STUDENT_COLUMNS = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");

    /**
     * A class's table, for a person and for a learning management system: one header row, then
     * one row per student, no other row. The columns are those of Canvas's gradebook CSV
     * ({@link #STUDENT_COLUMNS}, then one column per assignment), which Moodle's CSV import reads
     * too: "Student" is the roster's name (the submission's folder without a roster), "SIS User
     * ID" the roster's student id (Moodle: ID number); "ID", Canvas's own number for the user,
     * "SIS Login ID" and "Section" are left empty. Each exercise's header says its maximum,
     * "Exercise 1.1: Title (25 points)"; the last column, "Final Points (N points)", is the
     * total, which Canvas reads as its own computed column and leaves out of an import. When a
     * submission was graded without a sandbox, that header says so.
     */
    static String csv(Catalogue catalogue, List<Results.Submission> submissions, Roster roster) {
        var exercises = catalogue.lessons().stream().flatMap(lesson -> lesson.exercises().stream()).toList();
        var header = new ArrayList<>(STUDENT_COLUMNS);
        exercises.forEach(exercise -> header.add("Exercise " + exercise.id() + ": " + exercise.title() + " ("
                + exercise.maxPoints() + " points)"));
        boolean sandboxed = submissions.stream().allMatch(Results.Submission::sandboxed);
        header.add("Final Points (" + catalogue.maxPoints() + " points" + (sandboxed ? "" : "; NOT SANDBOXED") + ")");
        var table = new StringBuilder();
        table.append(header.stream().map(Reports::csvField).collect(Collectors.joining(","))).append('\n');
        var graded = new java.util.HashSet<String>();
        for (var submission : submissions) {
            graded.add(submission.name());
            var student = roster.byFolder().get(submission.name());
            var row = new ArrayList<String>(studentCells(submission.name(), student));
            for (var exercise : exercises) {
                int score = submission.exercises().stream()
                        .filter(done -> done.exercise().id().equals(exercise.id()))
                        .mapToInt(Results.Exercise::score)
                        .sum();
                row.add(Integer.toString(score));
            }
            row.add(Integer.toString(submission.score()));
            table.append(row.stream().map(Reports::csvField).collect(Collectors.joining(","))).append('\n');
        }
        // A student on the roster who handed in nothing: a row with no scores, which an import leaves as it is.
        roster.byFolder().values().stream()
                .filter(student -> !graded.contains(student.folder()))
                .sorted(java.util.Comparator.comparing(Roster.Student::folder))
                .forEach(student -> {
                    var row = new ArrayList<String>(studentCells(student.folder(), student));
                    exercises.forEach(exercise -> row.add(""));
                    row.add("");
                    table.append(row.stream().map(Reports::csvField).collect(Collectors.joining(","))).append('\n');
                });
        return table.toString();
    }

    private static List<String> studentCells(String folder, Roster.Student student) {
        String name = student == null || student.name().isEmpty() ? folder : student.name();
        return List.of(name, "", student == null ? "" : student.id(), "", "");
    }

    /**
     * One student's grading as JUnit XML, the report GitLab, Jenkins and CodeGrade read: a test
     * suite per exercise, a test case per grading test (classname its test class, name its
     * method) and one more for "all tests pass"; a test that failed has a {@code failure}, one
     * that timed out, crashed or did not compile an {@code error}, each with its message and the
     * exercise's hint. The exercise's score and maximum are the suite's properties.
     */
    static String junit(Results.Submission submission) {
        var suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (var exercise : submission.exercises()) {
            var cases = new StringBuilder();
            int suiteFailures = 0;
            int suiteErrors = 0;
            String hint = exercise.exercise().hint();
            for (var test : exercise.tests()) {
                cases.append("    <testcase classname=\"").append(xml(exercise.exercise().testClass())).append("\" name=\"")
                        .append(xml(test.method())).append("\" time=\"0\"");
                if (test.status() == Results.Status.PASSED) {
                    cases.append("/>\n");
                    continue;
                }
                String element = test.status() == Results.Status.FAILED ? "failure" : "error";
                if (element.equals("failure")) {
                    suiteFailures++;
                } else {
                    suiteErrors++;
                }
                cases.append(">\n      <").append(element).append(" message=\"").append(xml(test.message()))
                        .append("\" type=\"").append(status(test.status())).append("\">").append(xml(test.message()))
                        .append(hint.isEmpty() ? "" : xml("\n\n" + hint)).append("</").append(element).append(">\n")
                        .append("    </testcase>\n");
            }
            cases.append("    <testcase classname=\"").append(xml(exercise.exercise().testClass()))
                    .append("\" name=\"all tests pass\" time=\"0\"");
            if (exercise.complete()) {
                cases.append("/>\n");
            } else {
                suiteFailures++;
                cases.append(">\n      <failure message=\"not every test of the exercise passed\" type=\"failed\">")
                        .append(xml(exercise.summary())).append("</failure>\n    </testcase>\n");
            }
            int suiteTests = exercise.tests().size() + 1;
            tests += suiteTests;
            failures += suiteFailures;
            errors += suiteErrors;
            suites.append("  <testsuite name=\"").append(xml("Exercise " + exercise.exercise().id() + ": "
                            + exercise.exercise().title())).append("\" tests=\"").append(suiteTests)
                    .append("\" failures=\"").append(suiteFailures).append("\" errors=\"").append(suiteErrors)
                    .append("\" skipped=\"0\" time=\"0\">\n")
                    .append("    <properties>\n")
                    .append(property("exercise", exercise.exercise().id()))
                    .append(property("score", Integer.toString(exercise.score())))
                    .append(property("max_score", Integer.toString(exercise.exercise().maxPoints())))
                    .append(property("summary", exercise.summary()))
                    .append("    </properties>\n")
                    .append(cases)
                    .append("  </testsuite>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"" + xml("Grading of " + submission.name() + ": " + submission.score() + " / "
                        + submission.maxPoints() + " points" + (submission.sandboxed() ? "" : ", NOT SANDBOXED")) + "\""
                + " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\""
                + String.format(Locale.ROOT, " time=\"%.3f\">%n", submission.took().toMillis() / 1000.0)
                + suites + "</testsuites>\n";
    }

    private static String property(String name, String value) {
        return "      <property name=\"" + xml(name) + "\" value=\"" + xml(value) + "\"/>\n";
    }

    /** Text safe in XML 1.0, in an attribute or an element: escaped, and without the characters XML forbids. */
    static String xml(String text) {
        var safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                case '"' -> safe.append("&quot;");
                case '\n' -> safe.append("&#10;");
                case '\r' -> safe.append("&#13;");
                case '\t' -> safe.append("&#9;");
                default -> {
                    boolean allowed = c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
                    safe.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return safe.toString();
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
