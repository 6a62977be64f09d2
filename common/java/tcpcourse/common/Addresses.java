package tcpcourse.common;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Writes socket addresses the way people type them: {@code 127.0.0.1:8124}, {@code [::1]:8124}. */
public final class Addresses {

    private Addresses() {}

    /**
     * Describes an endpoint as address and port, without the host name or slash that
     * {@link InetSocketAddress#toString()} adds.
     */
    public static String describe(SocketAddress endpoint) {
        if (!(endpoint instanceof InetSocketAddress address) || address.getAddress() == null) {
            return String.valueOf(endpoint);
        }
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
