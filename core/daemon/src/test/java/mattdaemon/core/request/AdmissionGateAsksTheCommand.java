package mattdaemon.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import mattdaemon.api.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate lets a request in by what its command allows, TLS first, then the password. */
final class AdmissionGateAsksTheCommand {
    @TempDir
    Path temp;
    private SessionFixture fixture;

    @BeforeEach
    void open() throws IOException {
        fixture = new SessionFixture(temp);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anOpenDaemonLetsEverythingIn() {
        AdmissionGate gate = AdmissionGate.of(fixture.policy(false));
        for (Admission needed : Admission.values()) {
            assertThat(gate.refusal(fixture.caller(false), needed)).isEmpty();
        }
    }

    @Test
    void aPasswordKeepsOutAllButAuthAndStarttlsUntilAuthenticated() throws IOException {
        fixture.protection.set("correct horse".toCharArray());
        AdmissionGate gate = AdmissionGate.of(fixture.policy(false));
        SessionFixture.TestCaller caller = fixture.caller(false);
        assertThat(gate.refusal(caller, Admission.ADMITTED)).get().extracting(Reply::text)
                .isEqualTo("authentication required: auth <password>");
        assertThat(gate.refusal(caller, Admission.BEFORE_AUTHENTICATION)).isEmpty();
        assertThat(gate.refusal(caller, Admission.ANY_TIME)).isEmpty();
        caller.auth().succeeded(fixture.protection.generation());
        assertThat(gate.refusal(caller, Admission.ADMITTED)).isEmpty();
    }

    @Test
    void requiredTlsComesBeforeThePassword() throws IOException {
        fixture.protection.set("correct horse".toCharArray());
        AdmissionGate gate = AdmissionGate.of(fixture.policy(true));
        assertThat(gate.refusal(fixture.caller(false), Admission.BEFORE_AUTHENTICATION)).get()
                .isEqualTo(Reply.error("TLSREQUIRED", "this daemon requires TLS: send starttls first"));
        assertThat(gate.refusal(fixture.caller(false), Admission.ANY_TIME)).isEmpty();
        assertThat(gate.refusal(fixture.caller(true), Admission.BEFORE_AUTHENTICATION)).isEmpty();
    }

    @Test
    void aRefusalBeforeAuthenticationIsLoggedAsAFactNotAsInput() throws IOException {
        fixture.protection.set("correct horse".toCharArray());
        AdmissionGate.of(fixture.policy(false)).refusal(fixture.caller(false), Admission.ADMITTED);
        assertThat(fixture.logLinesAfterClose())
                .anyMatch(l -> l.endsWith("Client 127.0.0.1:5000 (session 7) had a line refused before authentication."))
                .noneMatch(l -> l.contains("User input"));
    }
}
