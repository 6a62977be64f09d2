package tcpcourse.lesson04;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tcpcourse.testkit.Loopback;

/**
 * Runs inside a network namespace of {@link ConnectGivesUpTest}'s own. Sets how many times the
 * namespace's system resends an unanswered SYN ({@code tcp_syn_retries}), holds a loopback port
 * whose queue of handshakes is full, so that every SYN to it is dropped, and prints
 * {@code port N}. Then it connects to that port with no timeout of its own, and prints how the
 * connect failed, as a row of the lesson's error table ({@link ErrorTableTest#row}), and after how
 * many seconds: {@code row | seconds}. It holds the port until its standard input ends, for the
 * Node.js client the test runs meanwhile. Usage: {@code GivesUpProbe resends}.
 */
public final class GivesUpProbe {

    static final String CASE = "connect given up";
    private static final Path SYN_RETRIES = Path.of("/proc/sys/net/ipv4/tcp_syn_retries");

    private GivesUpProbe() {}

    public static void main(String[] args) throws Throwable {
        int resends = Integer.parseInt(args[0]);
        // The file is the namespace's own: the machine's setting outside stays as it was.
        Files.writeString(SYN_RETRIES, resends + "\n", UTF_8);
        // Lines, not readString: a /proc/sys file says its size is 0, and readString then gets only its first byte.
        String set = Files.readAllLines(SYN_RETRIES, UTF_8).get(0).strip();
        if (!set.equals(String.valueOf(resends))) {
            throw new IllegalStateException(SYN_RETRIES + " is " + set + " after writing " + resends);
        }
        Loopback.withUnansweredPort(address -> {
            System.out.println("port " + address.getPort());
            long began = System.nanoTime();
            String row = ErrorTableTest.row(CASE, () -> {
                try (var connection = new Socket()) {
                    connection.connect(address); // no timeout: the system's own limit
                }
            });
            System.out.printf(Locale.ROOT, "%s | %.2f%n", row, (System.nanoTime() - began) / 1e9);
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        });
    }
}
