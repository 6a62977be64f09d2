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

            var raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
            for (String test : tests) {
                for (var out : List.of(System.out, raw, System.err)) {
                    out.println("started\ttcpcourse.lesson01.exercises.TimedConnectTest\t" + test);
                    out.println("passed\ttcpcourse.lesson01.exercises.TimedConnectTest\t" + test);
                }
            }
            raw.println("done");
            Runtime.getRuntime().halt(0);
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
