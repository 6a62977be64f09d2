package tcpcourse.lesson04;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Connects once and prints how it failed: {@code CODE|exception class|message}. The
 * unreachable-host test runs it inside a network namespace of its own.
 */
public final class ConnectProbe {

    private ConnectProbe() {}

    public static void main(String[] args) {
        try (var connection = new Socket()) {
            connection.connect(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 2000);
            System.out.println("connected");
        } catch (IOException failure) {
            System.out.println(ErrorCode.of(failure) + "|" + failure.getClass().getName() + "|" + failure.getMessage());
        }
    }
}
