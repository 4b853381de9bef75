package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed logins count against the source address, across connections: guessing from three
 * connections at once, reconnecting after each close, buys no more guesses than one connection,
 * and the close-out is logged once.
 */
class PasswordGuessingIsLimitedPerAddress {
    @TempDir
    Path dir;

    @Test
    void parallelReconnectingGuessersShareOneSmallBudget() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            PasswordProtection.protect(daemon);
            ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
            List<Thread> guessers = new ArrayList<>();
            for (int g = 0; g < 3; g++) {
                int guesser = g;
                guessers.add(Thread.ofVirtual().start(() -> {
                    for (int connection = 0; connection < 3; connection++) {
                        try (TestClient client = daemon.connect()) {
                            client.greeting();
                            for (int guess = 0; guess < 3; guess++) {
                                List<String> reply = client.request("auth guess-" + guesser + "-" + connection + "-" + guess);
                                replies.add(reply.getLast());
                                if (reply.getLast().contains("too many") || reply.getLast().contains("closing")) {
                                    break;
                                }
                            }
                        } catch (Exception e) {
                            replies.add("closed: " + e.getMessage());
                        }
                    }
                }));
            }
            for (Thread guesser : guessers) {
                guesser.join();
            }
            long checked = replies.stream().filter(r -> r.startsWith("-ERR AUTH wrong password")).count();
            assertThat(checked).as("passwords actually checked, of %s", replies).isLessThanOrEqualTo(5);
            assertThat(replies).anyMatch(r -> r.startsWith("-ERR AUTH too many wrong passwords from your address; try again in "));

            // the right password does not get through during the close-out either
            try (TestClient owner = daemon.connect()) {
                owner.greeting();
                assertThat(owner.request("auth " + PasswordProtection.PASSWORD).getLast())
                        .startsWith("-ERR AUTH too many wrong passwords from your address");
            }
            assertThat(daemon.logLines()).filteredOn(l -> l.contains("closed out for ")).hasSize(1);
        }
    }

    @Test
    void aDaemonBoundToIpv4LoopbackIsNotReachableOnIpv6() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--bind", "127.0.0.1").start()) {
            assertThat(daemon.request("hello")).containsExactly("+OK logged");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> new java.net.Socket("::1", daemon.port).close())).isInstanceOf(java.net.ConnectException.class);
        }
    }
}
