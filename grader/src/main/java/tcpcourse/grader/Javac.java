package tcpcourse.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Compiles Java sources with the JDK's own compiler, in this JVM, as the course's build does. */
final class Javac {

    private Javac() {}

    /**
     * Compiles {@code sources} into {@code output}.
     *
     * @param sourcePath where javac looks for other classes the sources use, or null
     * @return the compiler's messages if compiling failed, empty if it succeeded
     */
    static Optional<String> compile(List<Path> sources, List<Path> classPath, Path sourcePath, Path output) {
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        var javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the grader needs a JDK, not a JRE: no Java compiler in " + System.getProperty("java.home"));
        }
        var arguments = new ArrayList<>(List.of(
                "--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn", "-implicit:class",
                "-d", output.toString(),
                "-classpath", ClassPath.join(classPath)));
        if (sourcePath != null) {
            arguments.addAll(List.of("-sourcepath", sourcePath.toString()));
        }
        sources.forEach(source -> arguments.add(source.toString()));
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var messages = new ByteArrayOutputStream();
        try (var errors = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
            int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
            return status == 0 ? Optional.empty() : Optional.of(messages.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Every {@code .java} file under {@code root}, in a stable order; none if it does not exist. */
    static List<Path> sourcesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first error of a compiler's output, on one line, for the report. */
    static String firstError(String messages) {
        return messages.lines()
                .filter(line -> line.contains("error:"))
                .findFirst()
                .orElse(messages.lines().findFirst().orElse("compilation failed"))
                .strip();
    }
}
