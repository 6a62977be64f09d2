package tcpcourse.lesson04;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The errors the tutorial names, by the codes Node.js gives them, and how each Java exception
 * maps to one.
 */
// tag::codes[]
public enum ErrorCode {
    /** The host name is not found: no address for it. */
    ENOTFOUND("unknown host", false),
    /** Nothing listens on that port: the peer's system answered the handshake with a reset. */
    ECONNREFUSED("connection refused", true),
    /** No answer in time: to the handshake (connect) or to a read. */
    ETIMEDOUT("timed out", true),
    /** No route to the host: the network, or a router on the way, says it cannot get there. */
    EHOSTUNREACH("host unreachable", true),
    /** The peer reset an established connection: it crashed, or closed with data unread. */
    ECONNRESET("connection reset by the peer", true),
    /** Writing to a connection that the peer has already closed. */
    EPIPE("broken pipe: the peer has closed", false),
    /** Any other I/O failure. */
    OTHER("failed", false);
    // end::codes[]

    private final String meaning;
    private final boolean worthRetrying;

    ErrorCode(String meaning, boolean worthRetrying) {
        this.meaning = meaning;
        this.worthRetrying = worthRetrying;
    }

    /** What the code means, in a few words, for a console line. */
    public String meaning() {
        return meaning;
    }

    /**
     * Whether trying again may help. A refused, timed-out, unreachable or reset connection may
     * work a moment later (the server restarts, the network recovers); a name that does not
     * exist, or a peer that has closed on us, will not change by trying again.
     */
    public boolean worthRetrying() {
        return worthRetrying;
    }

    /**
     * The code of a failure, from its exception's type and, where Java uses one type for several
     * errors, its message.
     */
    // tag::classify[]
    public static ErrorCode of(IOException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (failure instanceof UnknownHostException) {
            return ENOTFOUND;
        }
        if (failure instanceof SocketTimeoutException) {
            return ETIMEDOUT; // Socket.connect with a timeout, or a read past setSoTimeout
        }
        if (failure instanceof NoRouteToHostException) {
            return EHOSTUNREACH;
        }
        if (failure instanceof ConnectException) {
            // One type for several errors: the system's message tells them apart.
            return message.contains("refused") ? ECONNREFUSED
                    : message.contains("timed out") ? ETIMEDOUT
                    : message.contains("unreachable") || message.contains("no route") ? EHOSTUNREACH
                    : OTHER;
        }
        if (failure instanceof SocketException) {
            return message.contains("reset") ? ECONNRESET
                    : message.contains("broken pipe") ? EPIPE
                    : OTHER;
        }
        return OTHER;
    }
    // end::classify[]
}
