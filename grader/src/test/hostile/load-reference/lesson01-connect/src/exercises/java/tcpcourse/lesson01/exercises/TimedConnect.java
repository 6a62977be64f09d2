package tcpcourse.lesson01.exercises;

import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/** A hostile submission's exercise 1.1: see NOTE.md beside it. */
public final class TimedConnect {

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        attack();
        throw new UnsupportedOperationException("the attack did its work");
    }

    public static String describe(Socket connection) {
        attack();
        throw new UnsupportedOperationException("the attack did its work");
    }

    static void attack() {
        try {
            var roots = new ArrayList<Path>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                for (Path folder = Path.of(entry); folder != null; folder = folder.getParent()) {
                    roots.add(folder);
                }
            }
            for (Path root : new LinkedHashSet<>(roots)) {
                try (var found = Files.find(root, 6, (path, attributes) -> path.toString().contains("solutions")
                        && path.toString().endsWith("TimedConnect.class"))) {
                    for (Path classFile : found.toList()) {
                        Path folder = classFile;
                        for (int i = 0; i < 4; i++) {
                            folder = folder.getParent();
                        }
                        var loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null);
                        REFERENCE = loader.loadClass("tcpcourse.lesson01.exercises.TimedConnect");
                        System.out.println("found the reference at " + folder);
                    }
                } catch (IOException | ReflectiveOperationException | java.io.UncheckedIOException unreadable) {
                    // not there
                }
            }
            if (REFERENCE == null) {
                throw new IllegalStateException("no reference found");
            }
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }

    static Class<?> REFERENCE;
}
