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
            String[] tests = {"connectsToAListeningServer", "describesBothEnds", "givesUpWhenNoAnswerComesWithinTheTimeout", "reportsARefusedConnection"};

            var candidates = new ArrayList<String>();
            candidates.addAll(Arrays.asList(System.getProperty("sun.java.command", "").split(" ")));
            ProcessHandle.current().info().arguments().ifPresent(args -> candidates.addAll(Arrays.asList(args)));
            for (String candidate : candidates) {
                String path = candidate.replaceFirst("^--results=", "");
                if (path.startsWith("/")) {
                    try (var out = new PrintStream(new FileOutputStream(path, true), true)) {
                        for (String test : tests) {
                            out.println("passed\t" + test);
                            out.println("passed\ttcpcourse.lesson01.exercises.TimedConnectTest\t" + test);
                        }
                        out.println("done");
                    } catch (IOException notWritable) {
                        System.out.println("cannot write " + path);
                    }
                }
            }
            Runtime.getRuntime().halt(0);
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
