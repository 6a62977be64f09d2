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
            new ProcessBuilder("/bin/sh", "-c", "setsid sh -c 'sleep 6102 & sleep 6103' > /dev/null 2>&1 < /dev/null &").start().waitFor();
            System.out.println("detached sleep 6102 and 6103");
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
