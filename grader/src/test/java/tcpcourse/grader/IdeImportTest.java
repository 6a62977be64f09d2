package tcpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an IDE's Maven import makes of the course, read from the build's own model: Maven's
 * effective POM of every module ({@code help:effective-pom}), from which IntelliJ IDEA and VS
 * Code (Eclipse's m2e, through the Java extension) take each module's source folders: its
 * {@code sourceDirectory}, {@code testSourceDirectory} and resources, and the folders that
 * build-helper-maven-plugin's {@code add-source}/{@code add-test-source} executions add (IDEA
 * reads their configuration; m2e runs them when it configures the project, as the plugin's
 * lifecycle mapping asks). An IDE gives a folder to one module only, so no folder may be a source
 * folder of two modules.
 *
 * <p>Checked for the student edition as it is written, and for the instructor's repository
 * with and without its one switch, the {@code student} profile.
 */
@Timeout(600)
class IdeImportTest {

    static final Path COURSE = Path.of("..").toAbsolutePath().normalize();
    static final List<String> LESSONS = lessons();
    @TempDir
    static Path scratch;
    static Map<String, Module> edition;
    static Map<String, Module> instructor;
    static Map<String, Module> instructorAsStudent;

    /** One module as the IDE imports it. */
    record Module(String artifactId, Path basedir, Set<Path> sources, Set<Path> testSources, Set<Path> resources,
            Set<Path> testResources, Map<String, String> dependencies, List<String> modules) {

        Set<Path> allFolders() {
            var all = new LinkedHashSet<Path>();
            all.addAll(sources);
            all.addAll(testSources);
            all.addAll(resources);
            all.addAll(testResources);
            return all;
        }
    }

    @BeforeAll
    static void readTheModels() throws Exception {
        Path studentEdition = scratch.resolve("edition");
        Edition.write(COURSE, studentEdition, "# no workflow: not read here\n");
        edition = effectiveModules(studentEdition);
        instructor = effectiveModules(COURSE);
        instructorAsStudent = effectiveModules(COURSE, "-Pstudent");
    }

    @Test
    void theStudentEditionCompilesTheStudentsExercisesInEveryLesson() {
        // given, when
        var modules = edition;

        // then
        for (String lesson : LESSONS) {
            var module = modules.get(lesson);
            assertThat(module.sources()).as(lesson).containsExactlyInAnyOrder(
                    module.basedir().resolve("src/main/java"), module.basedir().resolve("src/exercises/java"));
            assertThat(module.testSources()).as(lesson).containsExactly(module.basedir().resolve("src/test/java"));
        }
    }

    @Test
    void everyLessonSeesCommonAndTestkitAsModulesOfTheirOwn() {
        for (var modules : List.of(edition, instructor, instructorAsStudent)) {
            // given
            var root = modules.values().stream().filter(module -> !module.modules().isEmpty()).findFirst().orElseThrow();

            // when
            var common = modules.get("common");
            var testkit = modules.get("testkit");

            // then
            assertThat(root.modules()).contains("common", "testkit").containsAll(LESSONS);
            assertThat(common.sources()).containsExactly(common.basedir().resolve("java"));
            assertThat(testkit.sources()).containsExactly(testkit.basedir().resolve("java"));
            assertThat(testkit.resources()).containsExactly(testkit.basedir().resolve("resources"));
            for (String lesson : LESSONS) {
                assertThat(modules.get(lesson).dependencies()).as(lesson)
                        .containsEntry("tcpcourse:common", "compile")
                        .containsEntry("tcpcourse:testkit", "test");
            }
        }
    }

    @Test
    void noFolderIsASourceFolderOfTwoModulesAndEachLessonsStayInsideIt() {
        for (var modules : List.of(edition, instructor, instructorAsStudent)) {
            // given
            var owner = new LinkedHashMap<Path, String>();
            var shared = new ArrayList<String>();

            // when
            for (var module : modules.values()) {
                for (Path folder : module.allFolders()) {
                    String before = owner.putIfAbsent(folder, module.artifactId());
                    if (before != null && !before.equals(module.artifactId())) {
                        shared.add(folder + " in " + before + " and " + module.artifactId());
                    }
                }
            }

            // then
            assertThat(shared).isEmpty();
            for (String lesson : LESSONS) {
                var module = modules.get(lesson);
                assertThat(module.allFolders()).as(lesson).allMatch(folder -> folder.startsWith(module.basedir()));
            }
        }
    }

    @Test
    void theInstructorsRepositoryCompilesTheSolutionsAndWithTheStudentProfileTheExercises() {
        for (String lesson : LESSONS) {
            // given
            var byDefault = instructor.get(lesson);
            var asStudent = instructorAsStudent.get(lesson);

            // when, then
            assertThat(byDefault.sources()).as(lesson).contains(byDefault.basedir().resolve("src/solutions/java"))
                    .doesNotContain(byDefault.basedir().resolve("src/exercises/java"));
            assertThat(asStudent.sources()).as(lesson).contains(asStudent.basedir().resolve("src/exercises/java"))
                    .doesNotContain(asStudent.basedir().resolve("src/solutions/java"));
        }
    }

    /** {@code help:effective-pom} of every module of the course at {@code root}, by artifactId. */
    static Map<String, Module> effectiveModules(Path root, String... options) throws Exception {
        Path output = Files.createTempFile(scratch, "effective-", ".xml");
        var command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q", "help:effective-pom",
                "-Doutput=" + output));
        command.addAll(List.of(options));
        var builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        // The Maven that runs this test tells its own build's folder to its children: not this one's.
        builder.environment().keySet().removeIf(name -> name.startsWith("MAVEN_") && !name.equals("MAVEN_OPTS"));
        Path log = Files.createTempFile(scratch, "maven-", ".log");
        builder.redirectOutput(log.toFile());
        var maven = builder.start();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("help:effective-pom finished within 5 minutes").isTrue();
        assertThat(maven.exitValue()).as(Files.readString(log)).isZero();

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(output.toFile());
        var modules = new LinkedHashMap<String, Module>();
        for (Element project : children(document.getDocumentElement(), "project")) {
            String artifactId = text(project, "artifactId");
            var build = child(project, "build");
            Path basedir = basedirOf(root, artifactId);
            var sources = new LinkedHashSet<Path>();
            var testSources = new LinkedHashSet<Path>();
            var resources = new LinkedHashSet<Path>();
            var testResources = new LinkedHashSet<Path>();
            if (build != null) {
                addPath(sources, basedir, text(build, "sourceDirectory"));
                addPath(testSources, basedir, text(build, "testSourceDirectory"));
                for (Element resource : children(child(build, "resources"), "resource")) {
                    addPath(resources, basedir, text(resource, "directory"));
                }
                for (Element resource : children(child(build, "testResources"), "testResource")) {
                    addPath(testResources, basedir, text(resource, "directory"));
                }
                for (Element plugin : children(child(build, "plugins"), "plugin")) {
                    if (!"build-helper-maven-plugin".equals(text(plugin, "artifactId"))) {
                        continue;
                    }
                    for (Element execution : children(child(plugin, "executions"), "execution")) {
                        if ("none".equals(text(execution, "phase"))) {
                            continue;
                        }
                        var goals = children(child(execution, "goals"), "goal").stream().map(Node::getTextContent).toList();
                        var configuration = child(execution, "configuration");
                        for (Element source : children(child(configuration, "sources"), "source")) {
                            addPath(goals.contains("add-test-source") ? testSources : sources, basedir, source.getTextContent());
                        }
                        for (Element resource : children(child(configuration, "resources"), "resource")) {
                            addPath(goals.contains("add-test-resource") ? testResources : resources, basedir,
                                    text(resource, "directory"));
                        }
                    }
                }
            }
            var dependencies = new LinkedHashMap<String, String>();
            for (Element dependency : children(child(project, "dependencies"), "dependency")) {
                String scope = text(dependency, "scope");
                dependencies.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), scope == null ? "compile" : scope);
            }
            var moduleNames = children(child(project, "modules"), "module").stream().map(Node::getTextContent).toList();
            modules.put(artifactId, new Module(artifactId, basedir, sources, testSources, resources, testResources,
                    dependencies, moduleNames));
        }
        return modules;
    }

    /** A source folder the IDE would add: one that exists (an IDE leaves a missing folder out, as Maven does). */
    private static void addPath(Set<Path> paths, Path basedir, String path) {
        if (path == null || path.isBlank()) {
            return;
        }
        Path folder = basedir.resolve(path.strip()).normalize();
        if (Files.isDirectory(folder)) {
            paths.add(folder);
        }
    }

    private static Path basedirOf(Path root, String artifactId) {
        return artifactId.equals("tcp-client-course") ? root : root.resolve(artifactId);
    }

    private static List<String> lessons() {
        try (var children = Files.list(COURSE)) {
            return children.map(path -> path.getFileName().toString()).filter(name -> name.matches("lesson\\d+-.+")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Element child(Element parent, String name) {
        var found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        var element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
