package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Ipv6;

/** Lesson 1's server and both clients over IPv6 loopback, {@code --host=::1}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Ipv6LoopbackTest {

    @BeforeEach
    void needsIpv6Loopback() {
        Ipv6.assumeLoopback();
    }

    @Test
    void bothClientsTalkToTheServerOnIpv6LoopbackAndPrintTheAddressesInBrackets() throws Exception {
        try (var background = new Background();
                var server = Server.listen(Ipv6.LOOPBACK, 0, new CapturedOutput().printStream(),
                        new CapturedOutput().printStream())) {
            background.run(server::serve);
            int port = server.localAddress().getPort();
            String[] args = {"--host=" + Ipv6.LOOPBACK, "--port=" + port};

            var out = new CapturedOutput();
            var err = new CapturedOutput();
            assertThat(Client.run(args, out.printStream(), err.printStream())).isZero();
            var callbackOut = new CapturedOutput();
            assertThat(CallbackClient.run(args, callbackOut.printStream(), err.printStream())).isZero();

            assertThat(err.lines()).isEmpty();
            for (var lines : java.util.List.of(out.lines(), callbackOut.lines())) {
                assertThat(lines.get(0)).matches("connected to server! \\[::1\\]:\\d+ -> \\[::1\\]:" + port);
                assertThat(lines).contains("hello", "world!", "disconnected from server");
            }
            // For the page: the server's address as the client printed it, with the default port.
            String connected = out.lines().get(0);
            String serverAsPrinted = connected.substring(connected.indexOf("-> ") + "-> ".length());
            tcpcourse.testkit.Transcripts.attributes("ipv6.adoc", java.util.Map.of("ipv6-server-address",
                    WhatCanGoWrongTest.shownWithDefaultPort(serverAsPrinted, port)));
        }
    }

    @Test
    void recordsWhatLocalhostStandsForAndWhichAddressAServerGivenItBinds() throws Exception {
        var addresses = java.util.Arrays.stream(java.net.InetAddress.getAllByName("localhost"))
                .map(address -> tcpcourse.common.Addresses.describe(new java.net.InetSocketAddress(address, 0))
                        .replaceAll("^\\[?(.*?)\\]?:0$", "$1"))
                .toList();
        String bound;
        try (var server = Server.listen("localhost", 0, new CapturedOutput().printStream(), new CapturedOutput().printStream())) {
            bound = tcpcourse.common.Addresses.describe(server.localAddress()).replaceAll(":\\d+$", "");
        }
        var facts = new java.util.LinkedHashMap<String, Object>();
        facts.put("localhost-addresses", String.join(" and ", addresses));
        facts.put("localhost-bound", bound);
        tcpcourse.testkit.Transcripts.attributes("localhost.adoc", facts);

        assertThat(addresses).contains("127.0.0.1", "::1");
        assertThat(bound).isEqualTo(addresses.get(0));
    }

    @Test
    void saysWhereItCouldNotConnectWithTheAddressInBrackets() throws Exception {
        assertThat(Endpoints.whyCannotConnect("::1", 9, new java.net.ConnectException("Connection refused")))
                .isEqualTo("cannot connect to [::1]:9: connection refused. Is the server running?");
    }
}
