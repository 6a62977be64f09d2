package tcpcourse.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;

/** IPv6 loopback, {@code ::1}: the tests that use it are skipped, with a message, where it is off. */
public final class Ipv6 {

    /** The host the course's programs are given: {@code --host=::1}. */
    public static final String LOOPBACK = "::1";

    private Ipv6() {}

    /** Skips the calling test if this machine cannot listen on {@code ::1} (IPv6 disabled, as in some containers). */
    public static void assumeLoopback() {
        try (var probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            Assumptions.assumeTrue(probe.isBound());
        } catch (IOException unavailable) {
            Assumptions.abort("IPv6 loopback (::1) is not available here: " + unavailable.getMessage());
        }
    }
}
