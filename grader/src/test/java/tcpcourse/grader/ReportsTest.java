package tcpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The reports other programs read, against those programs' own descriptions: Gradescope's
 * autograder specification, the gradebook importers of Canvas and Moodle, and JUnit XML.
 */
@Timeout(60)
class ReportsTest {

    static final Catalogue CATALOGUE = ClassroomWorkflowTest.CATALOGUE;
    static final String SANDBOXED = "sandboxed: bubblewrap namespaces";

    /** Alice solved everything; Bob's 1.1 timed out in one test and 5.10 did not compile. */
    static Results.Submission alice() {
        return submission("alice", SANDBOXED, Map.of());
    }

    static Results.Submission bob() {
        return submission("bob", SANDBOXED, Map.of("givesUp", Results.Status.TIMED_OUT, "readsOne", Results.Status.NOT_COMPILED));
    }

    static Results.Submission submission(String name, String sandbox, Map<String, Results.Status> wrong) {
        var lessons = new ArrayList<Results.Lesson>();
        for (var lesson : CATALOGUE.lessons()) {
            var exercises = new ArrayList<Results.Exercise>();
            for (var exercise : lesson.exercises()) {
                var tests = exercise.tests().stream().map(test -> {
                    var status = wrong.getOrDefault(test.method(), Results.Status.PASSED);
                    return new Results.Test(test.method(), status == Results.Status.PASSED ? test.points() : 0, test.points(),
                            status, status == Results.Status.PASSED ? "" : "it went <wrong> & \"badly\"\u0000");
                }).toList();
                exercises.add(new Results.Exercise(exercise, "a summary", tests, null));
            }
            lessons.add(new Results.Lesson(lesson, exercises, List.of(), List.of()));
        }
        return new Results.Submission(name, null, lessons, Duration.ofMillis(12_345), sandbox);
    }

    @Test
    void gradescopesResultsFillEveryFieldItsSpecificationDescribesButTheLeaderboard() {
        // given
        var submission = bob();

        // when
        var results = (Map<?, ?>) Json.parse(Reports.gradescope(submission));

        // then: the fields of gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"
        assertThat(results.keySet()).map(Object::toString).containsExactlyInAnyOrder("score", "execution_time", "output", "output_format",
                "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests");
        assertThat(results.get("score")).isEqualTo((double) submission.score());
        assertThat(results.get("output")).isEqualTo(Reports.text(submission));
        var formats = Set.of("text", "html", "simple_format", "md", "ansi");
        var visibilities = Set.of("hidden", "after_due_date", "after_published", "visible");
        assertThat(formats).contains((String) results.get("output_format"), (String) results.get("test_output_format"),
                (String) results.get("test_name_format"));
        assertThat(visibilities).contains((String) results.get("visibility"), (String) results.get("stdout_visibility"));
        var tests = (List<?>) results.get("tests");
        assertThat(tests).hasSize(2 + 1 + 1 + 1);
        double sum = 0;
        for (Object entry : tests) {
            var test = (Map<?, ?>) entry;
            assertThat(test.keySet()).map(Object::toString).containsExactlyInAnyOrder("score", "max_score", "status", "name", "name_format",
                    "number", "output", "output_format", "tags", "visibility", "extra_data");
            assertThat(test.get("status")).isIn("passed", "failed");
            assertThat(formats).contains((String) test.get("name_format"), (String) test.get("output_format"));
            assertThat(visibilities).contains((String) test.get("visibility"));
            assertThat((String) test.get("number")).matches("\\d+\\.\\d+\\.\\d+");
            sum += (Double) test.get("score");
        }
        assertThat(sum).isEqualTo((double) submission.score());
    }

    @Test
    void theClassTableHasOneHeaderRowWithEachMaximumAndARowPerStudentOnly() {
        // given
        var submissions = List.of(alice(), bob());

        // when
        var lines = Reports.csv(CATALOGUE, submissions, Roster.NONE).lines().toList();

        // then
        assertThat(lines).containsExactly(
                "Student,ID,SIS User ID,SIS Login ID,Section,Exercise 1.1: Timed connect (13 points),"
                        + "Exercise 5.10: Frames (3 points),Final Points (16 points)",
                "alice,,,,,13,3,16",
                "bob,,,,,2,0,2");
    }

    @Test
    void aRosterPutsEachStudentsIdAndNameInTheirRowAndListsWhoHandedInNothing(@TempDir Path folder) throws Exception {
        // given
        Path file = folder.resolve("roster.csv");
        Files.writeString(file, "folder,student id,name\nbob,S-002,\"Builder, Bob\"\nalice,S-001,Alice Liddell\ncarol,S-003,Carol\n");

        // when
        var lines = Reports.csv(CATALOGUE, List.of(alice(), bob()), Roster.read(file)).lines().toList();

        // then
        assertThat(lines).containsExactly(
                "Student,ID,SIS User ID,SIS Login ID,Section,Exercise 1.1: Timed connect (13 points),"
                        + "Exercise 5.10: Frames (3 points),Final Points (16 points)",
                "Alice Liddell,,S-001,,,13,3,16",
                "\"Builder, Bob\",,S-002,,,2,0,2",
                "Carol,,S-003,,,,,");
    }

    @Test
    void aWrongRosterLineIsNamedInOneLine(@TempDir Path folder) throws Exception {
        // given
        Path tooFew = folder.resolve("few.csv");
        Files.writeString(tooFew, "alice,S-001\n");
        Path twice = folder.resolve("twice.csv");
        Files.writeString(twice, "alice,S-001,Alice\nalice,S-009,Alice again\n");

        // when, then
        assertThatThrownBy(() -> Roster.read(tooFew)).hasMessageEndingWith("line 1: expected 'folder name,student id,name', got 2 fields");
        assertThatThrownBy(() -> Roster.read(twice)).hasMessageEndingWith("line 2: folder alice is on line 1 already");
    }

    @Test
    void theClassTableImportsAsCanvassGradebookImporterReadsIt(@TempDir Path folder) throws Exception {
        // given
        Path file = folder.resolve("roster.csv");
        Files.writeString(file, "alice,S-001,Alice\nbob,S-002,Bob\n");
        var rows = csvRows(Reports.csv(CATALOGUE, List.of(alice(), bob()), Roster.read(file)));

        // when: what canvas-lms app/models/gradebook_importer.rb does with the header and each row
        var header = rows.get(0);
        boolean studentHeaders = header.size() > 3 && header.get(0).contains("Student") && header.get(1).contains("ID");
        int studentColumns = header.get(2).matches("SIS\\s+User\\s+ID") && header.get(3).matches("SIS\\s+Login\\s+ID") ? 5 : 3;
        var nonAssignment = Pattern.compile("Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade"
                + "|Override Score|Override Grade|Override Status");
        var assignments = header.subList(studentColumns, header.size()).stream()
                .filter(title -> !nonAssignment.matcher(title).find()).toList();

        // then
        assertThat(studentHeaders).isTrue();
        assertThat(studentColumns).isEqualTo(5);
        assertThat(header.get(studentColumns - 1)).contains("Section");
        assertThat(assignments).containsExactly("Exercise 1.1: Timed connect (13 points)", "Exercise 5.10: Frames (3 points)");
        // Assignment.title_and_id would take "Title (13)" for assignment number 13: no header ends so.
        assertThat(assignments).noneMatch(title -> title.matches("(?s)\\A(.*)\\s\\((\\d+)\\)\\z"));
        for (var row : rows.subList(1, rows.size())) {
            assertThat(row.get(0)).doesNotContain("Points Possible");
            assertThat(row.get(2)).isNotEmpty();
            assertThat(row.subList(studentColumns, row.size())).allMatch(cell -> cell.matches("\\d*"));
        }
    }

    @Test
    void theClassTableImportsAsMoodlesCsvGradeImportReadsIt(@TempDir Path folder) throws Exception {
        // given
        Path file = folder.resolve("roster.csv");
        Files.writeString(file, "alice,S-001,Alice\nbob,S-002,Bob\n");
        var rows = csvRows(Reports.csv(CATALOGUE, List.of(alice(), bob()), Roster.read(file)));

        // when: grade/import/csv/classes/load_data.php, mapping "SIS User ID" to the user's idnumber
        int user = rows.get(0).indexOf("SIS User ID");
        var exerciseColumns = new ArrayList<Integer>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            if (rows.get(0).get(i).startsWith("Exercise ")) {
                exerciseColumns.add(i);
            }
        }

        // then: every row names a user (or the whole import stops), every grade is a number up to
        // Moodle's default maximum of 100, and no column name is given twice
        assertThat(rows.get(0)).doesNotHaveDuplicates();
        for (var row : rows.subList(1, rows.size())) {
            assertThat(row.size()).isGreaterThan(1);
            assertThat(row.get(user)).isNotBlank();
            for (int column : exerciseColumns) {
                assertThat(row.get(column)).matches("\\d+");
                assertThat(Integer.parseInt(row.get(column))).isLessThanOrEqualTo(100);
            }
        }
    }

    @Test
    void theClassTableSaysSoWhenASubmissionWasNotSandboxed() {
        // given
        var unsandboxed = submission("dave", "not sandboxed: no bubblewrap", Map.of());

        // when
        String header = Reports.csv(CATALOGUE, List.of(alice(), unsandboxed), Roster.NONE).lines().findFirst().orElseThrow();

        // then
        assertThat(header).endsWith(",Final Points (16 points; NOT SANDBOXED)");
    }

    @Test
    void eachStudentsJunitXmlHasASuitePerExerciseAndACasePerTestWithFailuresAndErrors() throws Exception {
        // given
        var submission = bob();

        // when
        String xml = Reports.junit(submission);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        // then
        var root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("5");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("2");
        var suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        var first = (Element) suites.item(0);
        assertThat(first.getAttribute("name")).isEqualTo("Exercise 1.1: Timed connect");
        var cases = first.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        var givesUp = (Element) cases.item(1);
        assertThat(givesUp.getAttribute("classname")).isEqualTo("tcpcourse.lesson01.exercises.TimedConnectTest");
        assertThat(givesUp.getAttribute("name")).isEqualTo("givesUp");
        var error = (Element) givesUp.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("timed-out");
        assertThat(error.getAttribute("message")).isEqualTo("it went <wrong> & \"badly\"\uFFFD");
        assertThat(error.getTextContent()).endsWith("\n\nHint: a timeout");
        assertThat(((Element) cases.item(2)).getAttribute("name")).isEqualTo("all tests pass");
        assertThat(((Element) cases.item(2)).getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    /** RFC 4180 rows, as both importers read them. */
    static List<List<String>> csvRows(String csv) {
        var rows = new ArrayList<List<String>>();
        for (String line : csv.lines().toList()) {
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
            rows.add(cells);
        }
        return rows;
    }
}
