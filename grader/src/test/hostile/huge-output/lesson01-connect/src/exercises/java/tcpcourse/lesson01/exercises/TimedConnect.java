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
            byte[] line = ("x".repeat(1023) + "\n").getBytes();
            var raw = new FileOutputStream(FileDescriptor.out);
            for (int i = 0; i < 400 * 1024; i++) {
                raw.write(line);
            }
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
