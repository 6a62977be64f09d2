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

            try {
                var descriptor = new FileDescriptor();
                var field = FileDescriptor.class.getDeclaredField("fd");
                field.setAccessible(true);
                field.setInt(descriptor, 3);
                var out = new PrintStream(new FileOutputStream(descriptor), true);
                for (String test : tests) {
                    out.println("passed\ttcpcourse.lesson01.exercises.TimedConnectTest\t" + test);
                }
            } catch (Throwable refused) {
                System.out.println("reflection refused: " + refused);
            }
            try {
                var channel = Class.forName("tcpcourse.channel.ResultsChannel").getMethod("open").invoke(null);
                var out = new PrintStream((OutputStream) channel, true);
                for (String test : tests) {
                    out.println("passed\ttcpcourse.lesson01.exercises.TimedConnectTest\t" + test);
                }
                out.println("done");
            } catch (Throwable refused) {
                System.out.println("channel refused: " + refused);
            }
            Runtime.getRuntime().halt(0);
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
