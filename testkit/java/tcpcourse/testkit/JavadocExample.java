package tcpcourse.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What an exercise's Javadoc example says it prints: the comment after its
 * {@code System.out.println(...)}. A test runs the same example for real and compares, so that a
 * number in an example is one the code gives, not one someone typed.
 */
public final class JavadocExample {

    private static final Pattern PRINTED = Pattern.compile("^\\s*\\*\\s+System\\.out\\.println\\(.*\\);\\s*// (.*)$");

    private JavadocExample() {}

    /** The comment of the first example line of {@code source} that prints something. */
    public static String printed(Path source) throws IOException {
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            var matcher = PRINTED.matcher(line);
            if (matcher.matches()) {
                return matcher.group(1).strip();
            }
        }
        throw new AssertionError(source + " has no example line `System.out.println(...); // what it prints`");
    }

    /** An exercise stub of the lesson whose tests run: {@code src/exercises/java/<package path>/<name>}. */
    public static Path stub(Class<?> exercise) {
        return Path.of("src/exercises/java", exercise.getName().replace('.', '/') + ".java");
    }
}
