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
        if (address.getAddress() instanceof Inet6Address ipv6) {
            return "[" + shortForm(ipv6) + "]:" + address.getPort();
        }
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /**
     * An IPv6 address as people write it (RFC 5952): {@code ::1}, not Java's
     * {@code 0:0:0:0:0:0:0:1}. The longest run of two or more zero groups becomes {@code ::}.
     */
    static String shortForm(Inet6Address address) {
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        if (address.getScopeId() != 0 || address.getScopedInterface() != null) {
            String full = address.getHostAddress();
            text.append(full.substring(full.indexOf('%')));
        }
        return text.toString();
    }

    /** Writes a host as typed and a port, with an IPv6 address in brackets: {@code [::1]:8124}. */
    public static String describe(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
