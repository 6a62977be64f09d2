package tcpcourse.lesson04;

import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Connects once and prints how it failed, as a row of the lesson's error table (see
 * {@link ErrorTableTest#row}). The unreachable-host test runs it inside a network namespace of its
 * own. Usage: {@code ConnectProbe case host port}.
 */
public final class ConnectProbe {

    private ConnectProbe() {}

    public static void main(String[] args) {
        String what = args[0];
        var address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        System.out.println(ErrorTableTest.row(what, () -> {
            try (var connection = new Socket()) {
                connection.connect(address, 2000);
            }
        }));
    }
}
