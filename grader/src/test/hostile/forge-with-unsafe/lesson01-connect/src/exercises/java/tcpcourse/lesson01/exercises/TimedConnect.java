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
            for (String name : List.of("sun.misc.Unsafe", "jdk.internal.misc.Unsafe", "com.sun.tools.attach.VirtualMachine")) {
                try {
                    var type = Class.forName(name);
                    var field = type.getDeclaredField("theUnsafe");
                    field.setAccessible(true);
                    System.out.println("got " + field.get(null));
                } catch (Throwable refused) {
                    System.out.println(name + ": " + refused);
                }
            }
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
