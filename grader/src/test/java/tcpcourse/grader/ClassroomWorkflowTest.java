package tcpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Classroom workflow against the facts of the two actions it uses, read from their
 * own repositories (see {@link ClassroomActions}), and the replay's copy of what those actions do.
 */
@Timeout(120)
class ClassroomWorkflowTest {

    static final Catalogue CATALOGUE = new Catalogue(List.of(
            new Catalogue.Lesson(1, "lesson01-connect", List.of(
                    new Catalogue.Exercise("1.1", "Timed connect", "tcpcourse.lesson01.exercises.TimedConnectTest",
                            "tcpcourse/lesson01/exercises/TimedConnect.java", "Main idea: a deadline", "Hint: a timeout",
                            List.of(new Catalogue.Test("connects", 2), new Catalogue.Test("givesUp", 3))))),
            new Catalogue.Lesson(5, "lesson05-framing", List.of(
                    new Catalogue.Exercise("5.10", "Frames", "tcpcourse.lesson05.exercises.FramesTest",
                            "tcpcourse/lesson05/exercises/Frames.java", "Main idea: whole frames", "",
                            List.of(new Catalogue.Test("readsOne", 1)))))));

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String workflow) {
        return (Map<String, Object>) Yaml.parse(workflow);
    }

    @Test
    void theGeneratedWorkflowMeetsTheActionsFacts() {
        // given
        var workflow = parse(Reports.classroomWorkflow(CATALOGUE, "teacher/course"));

        // when
        var problems = ClassroomWorkflow.problems(workflow);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void theCommittedWorkflowMeetsTheActionsFactsAndGivesEveryPoint() throws Exception {
        // given
        String committed = Files.readString(Path.of("../.github/workflows/classroom.yml"), StandardCharsets.UTF_8);
        var workflow = parse(committed);

        // when
        var problems = ClassroomWorkflow.problems(workflow);
        int points = ClassroomWorkflow.steps(workflow).stream()
                .filter(step -> ClassroomActions.COMMAND_GRADER.equals(step.get("uses")))
                .mapToInt(step -> Integer.parseInt(ClassroomWorkflow.strings(step.get("with")).get("max-score")))
                .sum();

        // then
        assertThat(problems).isEmpty();
        String table = Files.readString(Path.of("../docs/src/docs/asciidoc/_points.adoc"), StandardCharsets.UTF_8);
        assertThat(table).contains("*Course total* | | | *" + points + "*");
    }

    @Test
    void eachGradingTestAndEachExerciseIsAStepOfItsOwnThatTheReporterReadsByName() {
        // given
        var workflow = parse(Reports.classroomWorkflow(CATALOGUE, null));

        // when
        var steps = ClassroomWorkflow.steps(workflow);
        var reporter = steps.get(steps.size() - 1);

        // then
        assertThat(reporter.get("uses")).isEqualTo("classroom-resources/autograding-grading-reporter@v1");
        assertThat(ClassroomWorkflow.strings(reporter.get("with")).get("runners"))
                .isEqualTo("ex1p1connects,ex1p1givesUp,ex1p1complete,ex5p10readsOne,ex5p10complete");
        assertThat(ClassroomWorkflow.strings(reporter.get("env")))
                .containsEntry("EX1P1GIVESUP_RESULTS", "${{steps.ex1p1givesUp.outputs.result}}")
                .containsEntry("EX5P10COMPLETE_RESULTS", "${{steps.ex5p10complete.outputs.result}}");
        assertThat(steps).filteredOn(step -> "ex1p1complete".equals(step.get("id"))).singleElement()
                .satisfies(step -> assertThat(ClassroomWorkflow.strings(step.get("with")))
                        .containsEntry("max-score", "8")
                        .containsEntry("command", "grep -qx '1.1 complete' .course/grader/target/grading/student/passed.txt"));
    }

    @Test
    void thePristineCourseComesFromTheTemplateOrTheVariableAndNeverFromTheStudentsRepository() {
        // given
        var withTemplate = ClassroomWorkflow.job(parse(Reports.classroomWorkflow(CATALOGUE, "teacher/course")));
        var withoutTemplate = ClassroomWorkflow.job(parse(Reports.classroomWorkflow(CATALOGUE, null)));

        // when
        String templateOnly = courseRepository(withTemplate, Map.of());
        String variableFirst = courseRepository(withTemplate, Map.of("COURSE_REPOSITORY", "teacher/other"));
        String neither = courseRepository(withoutTemplate, Map.of());

        // then
        assertThat(templateOnly).isEqualTo("teacher/course");
        assertThat(variableFirst).isEqualTo("teacher/other");
        assertThat(neither).isEmpty();
        assertThat(ClassroomWorkflow.steps(parse(Reports.classroomWorkflow(CATALOGUE, null))))
                .filteredOn(step -> "actions/checkout@v4".equals(step.get("uses")) && step.get("with") != null)
                .singleElement()
                .satisfies(step -> assertThat(ClassroomWorkflow.strings(step.get("with")))
                        .containsEntry("repository", "${{ env.COURSE_REPOSITORY }}")
                        .containsEntry("path", ".course"));
    }

    private static String courseRepository(Map<String, Object> job, Map<String, String> vars) {
        var contexts = new LinkedHashMap<String, Object>();
        contexts.put("vars", vars);
        contexts.put("github", Map.of("repository", "classroom/assignment-a-student"));
        String expression = ClassroomWorkflow.strings(job.get("env")).get("COURSE_REPOSITORY");
        return new Expressions(contexts, () -> false).interpolate(expression);
    }

    @Test
    void withoutACourseRepositoryTheJobStopsWithAMessageBeforeAnythingIsGraded(@TempDir Path folder) throws Exception {
        // given
        var guard = ClassroomWorkflow.steps(parse(Reports.classroomWorkflow(CATALOGUE, null))).stream()
                .filter(step -> "Which course grades".equals(step.get("name"))).findFirst().orElseThrow();
        Path script = folder.resolve("step.sh");
        Files.writeString(script, guard.get("run").toString());

        // when
        var process = new ProcessBuilder("bash", "-e", script.toString()).redirectErrorStream(true);
        process.environment().put("COURSE_REPOSITORY", "");
        var running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(running.exitValue()).isEqualTo(1);
        assertThat(output).startsWith("::error::Set the repository variable COURSE_REPOSITORY");
    }

    @Test
    void theCommandGraderPassesOnExitStatusZeroWithItsPointsAsBase64OfJson(@TempDir Path workspace) throws Exception {
        // given
        var inputs = Map.of("test-name", "1.1 connects", "command", "test -d .", "timeout", "1", "max-score", "3");

        // when
        var step = ClassroomActions.commandGrader(inputs, workspace, System.getenv());

        // then
        var result = (Map<?, ?>) Json.parse(new String(Base64.getDecoder().decode(step.result()), StandardCharsets.UTF_8));
        assertThat(step.status()).isEqualTo("pass");
        assertThat(result.get("version")).isEqualTo(1.0);
        assertThat(result.get("status")).isEqualTo("pass");
        assertThat(result.get("max_score")).isEqualTo(3.0);
        var test = (Map<?, ?>) ((List<?>) result.get("tests")).get(0);
        assertThat(test.get("name")).isEqualTo("1.1 connects");
        assertThat(test.get("score")).isEqualTo(3.0);
        assertThat(test.get("test_code")).isEqualTo("test -d .");
        assertThat(test.containsKey("message")).isFalse();
    }

    @Test
    void theCommandGraderFailsWithNoPointsOnAnyOtherExitStatus(@TempDir Path workspace) throws Exception {
        // given
        var inputs = Map.of("test-name", "1.1 givesUp", "command", "exit 3", "max-score", "3");

        // when
        var step = ClassroomActions.commandGrader(inputs, workspace, System.getenv());

        // then
        var result = (Map<?, ?>) Json.parse(new String(Base64.getDecoder().decode(step.result()), StandardCharsets.UTF_8));
        var test = (Map<?, ?>) ((List<?>) result.get("tests")).get(0);
        assertThat(step.status()).isEqualTo("fail");
        assertThat(test.get("score")).isEqualTo(0.0);
        assertThat(test.get("message")).isEqualTo("failed with exit code 1");
    }

    @Test
    void theCommandGraderGivesAnErrorWhenTheCommandOutlivesItsTimeout(@TempDir Path workspace) throws Exception {
        // given: a timeout of 0.002 minutes, 120 ms
        var inputs = Map.of("test-name", "hangs", "command", "exec sleep 30", "timeout", "0.002", "max-score", "1");

        // when
        var step = ClassroomActions.commandGrader(inputs, workspace, System.getenv());

        // then
        assertThat(step.status()).isEqualTo("error");
        assertThat(step.score()).isZero();
    }

    @Test
    void theReporterAddsUpTheTestsScoresOfEveryRunnerWithAMaximum(@TempDir Path workspace) throws Exception {
        // given
        var passing = ClassroomActions.commandGrader(Map.of("test-name", "a", "command", "true", "max-score", "2"), workspace, System.getenv());
        var failing = ClassroomActions.commandGrader(Map.of("test-name", "b", "command", "false", "max-score", "5"), workspace, System.getenv());
        var environment = Map.of("PASSING_RESULTS", passing.result(), "FAILING_RESULTS", failing.result());

        // when
        var report = ClassroomActions.reporter(Map.of("runners", "passing,failing"), environment);

        // then
        assertThat(report.error()).isNull();
        assertThat(report.totalPoints()).isEqualTo(2);
        assertThat(report.maxPoints()).isEqualTo(7);
        assertThat(report.anyFailed()).isTrue();
    }

    @Test
    void theReporterReadsTheRunnersIdInCapitalsAndFailsWhenThatVariableIsNotSet() {
        // given: the variable a workflow would set if it turned the id's '-' into '_'
        var environment = Map.of("A_TEST_RESULTS", "e30=");

        // when
        var dashed = ClassroomActions.reporter(Map.of("runners", "a-test"), environment);
        var missing = ClassroomActions.reporter(Map.of("runners", "atest"), environment);

        // then
        assertThat(dashed.error()).isEqualTo("The runners input must be a comma-separated list of strings.");
        assertThat(missing.error()).contains("ATEST_RESULTS is not set");
    }

    @Test
    void aReplayRunsEveryStepAndTheReporterGetsEachStepsResultFromTheEnvExpressions(@TempDir Path folder) throws Exception {
        // given: a student's repository, a course whose "grading" writes passed.txt and report.json
        Path student = Files.createDirectories(folder.resolve("student"));
        Files.writeString(student.resolve("answer.txt"), "42\n");
        Path course = Files.createDirectories(folder.resolve("course"));
        Files.writeString(course.resolve("grade.sh"), """
                mkdir -p grader/target/grading/student
                if grep -q 42 ../answer.txt; then echo '1.1 connects' > grader/target/grading/student/passed.txt; fi
                echo '{"score": 2, "max": 16}' > grader/target/grading/student/report.json
                """);
        String workflow = Reports.classroomWorkflow(CATALOGUE, "teacher/course")
                .replace("./mvnw -B -q -pl grader compile exec:java -Dexec.args=\"--name=student ..\"", "bash grade.sh")
                .replaceAll("(?m)^          sudo .*$", "          true");
        Path workspace = Files.createDirectories(folder.resolve("workspace"));
        var log = new ByteArrayOutputStream();

        // when
        var outcome = ClassroomReplay.replay(workflow, student, course, Map.of(), workspace, new PrintStream(log, true));

        // then
        assertThat(outcome.report().error()).as(log.toString()).isNull();
        assertThat(outcome.report().totalPoints()).isEqualTo(2);
        assertThat(outcome.report().maxPoints()).isEqualTo(16);
        assertThat(ClassroomReplay.verdict(outcome, workspace, "2", new PrintStream(log, true))).as(log.toString()).isTrue();
    }
}
