package tcpcourse.common;

import static tcpcourse.common.Addresses.describe;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;

/**
 * A tap: it sits between a client and a server, forwards every byte both ways as it comes, and
 * prints one line for each thing that crosses, with the time since the connection began: the
 * connection, each chunk (its size and its first bytes, escaped), an end (FIN), a reset (RST), and
 * the close. It passes each on as it came: a half-close as a half-close, a reset as a reset. So
 * you see what crossed the wire without a packet capture, and without root.
 *
 * <p>Every lesson has it: {@code ./mvnw -q -pl lesson03-end compile exec:java@tap
 * -Dexec.args="--listen=8126 --target=127.0.0.1:8124"}, then point the client at port 8126.
 * A chunk is what one {@code read} returned: the sender's writes may be cut or joined on the way,
 * and the tap shows how.
 */
public final class Tap implements Closeable {

    /** How many bytes of each chunk a line shows. */
    static final int SHOWN = 32;

    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final PrintStream log;
    private final AtomicInteger connections = new AtomicInteger();

    private Tap(ServerSocket listener, InetSocketAddress target, PrintStream log) {
        this.listener = listener;
        this.target = target;
        this.log = log;
    }

    /** Listens on {@code host:port} (port 0: any free one), to forward each connection to {@code target}. */
    public static Tap listen(String host, int port, InetSocketAddress target, PrintStream log) throws IOException {
        return new Tap(Endpoints.listen(host, port), target, log);
    }

    /** The address and port really bound. */
    public InetSocketAddress localAddress() {
        return Endpoints.address(listener);
    }

    /** Forwards connections, each on threads of its own, until {@link #close()}; blocks until then. */
    public void serve() throws IOException {
        AcceptLoop.serveEach(listener, log, this::forward);
    }

    /** One tapped connection: its number, its start, and whether it was cut short. */
    private final class Tapped {
        final int number = connections.incrementAndGet();
        final long start = System.nanoTime();
        final AtomicBoolean aborted = new AtomicBoolean();

        void say(String what) {
            // The time is taken and the line printed under one lock, so the lines of both directions
            // come out whole and in the order of their times.
            synchronized (log) {
                double seconds = (System.nanoTime() - start) / 1e9;
                log.println(String.format(Locale.ROOT, "#%d +%.3f s  %s", number, seconds, what));
            }
        }
    }

    private void forward(Socket client) {
        var tapped = new Tapped();
        try (client; var server = new Socket()) {
            try {
                server.connect(target, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException unreachable) {
                tapped.say("cannot connect to " + describe(target) + ": " + unreachable.getMessage() + "; resetting the client");
                client.setSoLinger(true, 0);
                return;
            }
            tapped.say("connected " + describe(client.getRemoteSocketAddress()) + " -> " + describe(target));
            var up = new Thread(() -> pump(tapped, client, server, "client -> server"), "tap #" + tapped.number + " up");
            up.setDaemon(true);
            up.start();
            pump(tapped, server, client, "server -> client");
            up.join();
        } catch (IOException | InterruptedException failure) {
            tapped.say("failed: " + failure.getMessage());
        }
        tapped.say("closed");
    }

    // tag::pump[]
    /** Copies one direction; passes an end on as an end, and a reset as a reset. */
    private void pump(Tapped tapped, Socket from, Socket to, String direction) {
        byte[] chunk = new byte[16 * 1024];
        boolean reading = true;
        try {
            int length;
            while ((length = from.getInputStream().read(chunk)) != -1) {
                tapped.say(direction + "  " + length + " bytes  " + escape(chunk, length));
                reading = false;
                to.getOutputStream().write(chunk, 0, length);
                reading = true;
            }
            tapped.say(direction + "  FIN");
            to.shutdownOutput(); // a half-close: the other direction goes on
        } catch (IOException failure) {
            if (tapped.aborted.getAndSet(true)) {
                return; // the other direction already saw the reset and cut both sides
            }
            // A failed read: `from` reset. A failed write: `to` reset (the other direction's peer).
            Socket resetter = reading ? from : to;
            Socket other = reading ? to : from;
            String resetDirection = reading ? direction : opposite(direction);
            tapped.say(resetDirection + "  " + (isReset(failure) ? "RST" : "failed: " + failure.getMessage()));
            resetAndClose(other); // pass the reset on
            closeQuietly(resetter);
        }
    }
    // end::pump[]

    private static String opposite(String direction) {
        return direction.startsWith("client") ? "server -> client" : "client -> server";
    }

    private static boolean isReset(IOException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return failure instanceof SocketException && (message.contains("reset") || message.contains("broken pipe"));
    }

    private static void resetAndClose(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close() now sends RST, not FIN
        } catch (IOException alreadyClosed) {
            // nothing left to reset
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was left to do
        }
    }

    /**
     * The first {@link #SHOWN} bytes of a chunk as text in quotes: printable ASCII as it is,
     * {@code \r}, {@code \n}, {@code \t}, {@code \"} and {@code \\} escaped, any other byte as
     * {@code \xNN}; {@code ...} after the quotes if the chunk is longer.
     */
    static String escape(byte[] chunk, int length) {
        var text = new StringBuilder("\"");
        for (int i = 0; i < Math.min(length, SHOWN); i++) {
            int b = chunk[i] & 0xff;
            switch (b) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                default -> text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
            }
        }
        return text.append(length > SHOWN ? "\"..." : "\"").toString();
    }

    /** Stops listening; connections being forwarded go on until they end. */
    @Override
    public void close() throws IOException {
        listener.close();
    }

    /**
     * {@code HOST:PORT} or {@code PORT} (on {@code defaultHost}); an IPv6 address in brackets,
     * {@code [::1]:8124}.
     */
    static InetSocketAddress endpoint(String option, String text, String defaultHost) throws UsageException {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? defaultHost : text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new UsageException("--" + option + " must be HOST:PORT or PORT, with a port from 0 to 65535, not '"
                    + text + "'");
        }
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(port));
    }

    /**
     * Runs the tap from the command line: {@code --listen=[HOST:]PORT} (127.0.0.1:8126 by default)
     * and {@code --target=HOST:PORT} (127.0.0.1:8124, the lessons' servers).
     *
     * @return the exit status: 0 once closed, 1 for a wrong argument, 2 if it cannot listen
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Tap.class.getSimpleName(), new Option("listen", "127.0.0.1:8126"),
                new Option("target", Endpoints.DEFAULT_HOST + ":" + Endpoints.DEFAULT_PORT));
        InetSocketAddress listen;
        InetSocketAddress target;
        try {
            var options = commandLine.parse(args);
            listen = endpoint("listen", options.text("listen"), Endpoints.DEFAULT_HOST);
            var named = endpoint("target", options.text("target"), Endpoints.DEFAULT_HOST);
            target = new InetSocketAddress(named.getHostString(), named.getPort());
            if (target.isUnresolved()) {
                err.println("cannot forward to " + describe(named.getHostString(), named.getPort())
                        + ": unknown host. Try --target=127.0.0.1:8124");
                return 2;
            }
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try (var tap = listen(listen.getHostString(), listen.getPort(), target, out)) {
            out.println("tap bound to " + describe(tap.localAddress()) + ", forwarding to " + describe(target));
            tap.serve();
            return 0;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotListen(listen.getHostString(), listen.getPort(), failure));
            return 2;
        }
    }

    /** Runs the tap; see {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
