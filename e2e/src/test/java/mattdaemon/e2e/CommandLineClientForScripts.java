package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dist/bin/matt-cli} and {@code Ben_AFK --command}, run as processes against the real
 * daemon: bodies on stdout, exit 0 for +OK, 1 at the first -ERR, 2 when the session cannot be
 * set up; TLS pinned by fingerprint and a password from a file or stdin.
 */
class CommandLineClientForScripts {
    static final Path CLI = DaemonUnderTest.DIST.resolve("bin/matt-cli");
    static final Path BEN_AFK = DaemonUnderTest.DIST.resolve("bin/Ben_AFK");
    static final String PASSWORD = "scripted password 42";

    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();
    static String fingerprint;

    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void learnTheFingerprint() throws Exception {
        String line = daemon.awaitLog(l -> l.contains("TLS certificate SHA-256 fingerprint: "), Duration.ofSeconds(30));
        fingerprint = line.substring(line.indexOf("fingerprint: ") + 13, line.length() - 1);
    }

    static Run run(Path program, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 60 s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String port() {
        return String.valueOf(daemon.port);
    }

    @Test
    void printsTheBodyAndExitsZeroOnOk() throws Exception {
        Run info = run(CLI, "", "--port", port(), "daemoninfo");
        assertThat(info.exit()).as(info.stderr()).isZero();
        assertThat(info.stdout()).contains("pid: ", "port: " + daemon.port + "\n", "session codec: plain\n")
                .doesNotContain("| ").doesNotContain("+OK");
        assertThat(info.stderr()).isEmpty();

        Run two = run(CLI, "", "--port", port(), "--status", "scripted hello", "daemonlogs 2");
        assertThat(two.exit()).isZero();
        assertThat(two.stdout()).startsWith("+OK logged\n").contains("User input: scripted hello").endsWith("Request daemonlogs 2.\n+OK 2 log lines\n");
    }

    @Test
    void stopsAtTheFirstErrorWithExitOne() throws Exception {
        Run run = run(CLI, "", "--port", port(), "before the error", "daemonlogs nope", "after the error");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("-ERR USAGE daemonlogs");
        daemon.awaitLog(l -> l.endsWith("User input: before the error"), Duration.ofSeconds(5));
        Thread.sleep(300);
        assertThat(daemon.logLines()).noneMatch(l -> l.contains("after the error"));
    }

    @Test
    void readsCommandsFromStdinAndBenAfkTakesThemToo() throws Exception {
        Run stdin = run(CLI, "from stdin one\n\nhelp daemoninfo\n", "--port", port());
        assertThat(stdin.exit()).as(stdin.stderr()).isZero();
        assertThat(stdin.stdout()).startsWith("usage: daemoninfo");
        daemon.awaitLog(l -> l.endsWith("User input: from stdin one"), Duration.ofSeconds(5));

        Run ben = run(BEN_AFK, "", "--port", port(), "--command", "daemoninfo", "--command", "help quit");
        assertThat(ben.exit()).as(ben.stderr()).isZero();
        assertThat(ben.stdout()).contains("version: 1.0.0", "usage: quit");
    }

    @Test
    void tlsPinnedAndAPasswordFromAFileOrStdin() throws Exception {
        try (TestClient admin = daemon.connect()) {
            admin.greeting();
            assertThat(admin.request("daemonpass " + PASSWORD)).containsExactly("+OK protection on");
        }
        try {
            Path passwordFile = dir.resolve("password");
            Files.writeString(passwordFile, PASSWORD + "\n");
            Run file = run(CLI, "", "--port", port(), "--fingerprint", fingerprint, "--password-file", passwordFile.toString(),
                    "daemoninfo", "over tls from a script");
            assertThat(file.exit()).as(file.stderr()).isZero();
            assertThat(file.stdout()).contains("password protection: on", "session codec: plain\nsession transport: TLSv1.3\n",
                    "tls certificate sha-256: " + fingerprint);
            daemon.awaitLog(l -> l.endsWith("User input: over tls from a script"), Duration.ofSeconds(5));

            Run stdin = run(CLI, PASSWORD + "\n", "--port", port(), "--tls", "--password-file", "-", "daemonlogs 1");
            assertThat(stdin.exit()).as(stdin.stderr()).isZero();

            Run wrongPin = run(CLI, "", "--port", port(), "--fingerprint", "00".repeat(32), "--password-file", passwordFile.toString(),
                    "never sent, wrong certificate");
            assertThat(wrongPin.exit()).isEqualTo(2);
            assertThat(wrongPin.stderr()).startsWith("matt-cli: ").contains("certificate");

            Files.writeString(passwordFile, "wrong " + PASSWORD + "\n");
            Run wrongPassword = run(CLI, "", "--port", port(), "--tls", "--password-file", passwordFile.toString(), "daemoninfo");
            assertThat(wrongPassword.exit()).isEqualTo(2);
            assertThat(wrongPassword.stderr()).contains("Wrong password");

            Run none = run(CLI, "", "--port", port(), "daemoninfo");
            assertThat(none.exit()).isEqualTo(2);
            assertThat(none.stderr()).contains("requires a password");
        } finally {
            try (TestClient admin = daemon.connect()) {
                admin.greeting();
                admin.request("auth " + PASSWORD);
                assertThat(admin.request("daemonpass")).containsExactly("+OK protection off");
            }
        }
        assertThat(daemon.logLines()).noneMatch(l -> l.contains("never sent")).noneMatch(l -> l.contains(PASSWORD));
    }

    @Test
    void aDaemonThatIsNotThereOrABadOptionExitsTwo() throws Exception {
        Run down = run(CLI, "", "--port", String.valueOf(DaemonUnderTest.freePort()), "daemoninfo");
        assertThat(down.exit()).isEqualTo(2);
        assertThat(down.stderr()).contains("not running");
        Run bad = run(CLI, "", "--port", "0", "daemoninfo");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("--port needs a number");
    }

    @Test
    void daemoninfoRightAfterTheFirstStartShowsTheFingerprintNotNotReady() throws Exception {
        // a fresh state folder: the first start makes the TLS key while daemoninfo may already be asked
        try (DaemonUnderTest fresh = new DaemonUnderTest(dir).start()) {
            Run info = run(CLI, "", "--port", String.valueOf(fresh.port), "daemoninfo");
            assertThat(info.exit()).as(info.stderr()).isZero();
            assertThat(info.stdout()).doesNotContain("not ready").containsPattern("tls certificate sha-256: ([0-9A-F]{2}:){31}[0-9A-F]{2}\n");
        }
    }
}
