package mattdaemon.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.core.posix.TrustedPath;

/** The password file and the marker that protection is on; a lost or foreign file never opens the daemon. */
class ProtectionFailsClosed {
    private final TrustedPath trust = new TrustedPath(0);

    @TempDir
    Path state;

    @Test
    void noFilesMeansUnprotected() throws Exception {
        Protection protection = Protection.load(state, trust);
        assertThat(protection.enabled()).isFalse();
        assertThat(protection.verify("x".toCharArray())).isFalse();
    }

    @Test
    void aStoredPasswordIsMarkedAndAMissingHashRefusesTheStart() throws Exception {
        Protection.store(state, "secret".toCharArray(), trust);
        assertThat(state.resolve(Protection.MARKER_FILE)).exists();
        Protection loaded = Protection.load(state, trust);
        assertThat(loaded.enabled()).isTrue();
        assertThat(loaded.verify("secret".toCharArray())).isTrue();
        Files.delete(state.resolve(Protection.PASSWORD_FILE));
        assertThatThrownBy(() -> Protection.load(state, trust))
                .hasMessageContaining("protection is on").hasMessageContaining("is missing");
    }

    @Test
    void aHashOfAnotherUserIsRefused() throws Exception {
        Protection.store(state, "secret".toCharArray(), trust);
        Files.setAttribute(state.resolve(Protection.PASSWORD_FILE), "unix:uid", 65534);
        assertThatThrownBy(() -> Protection.load(state, trust)).hasMessageContaining("owned by uid 65534, not root");
    }

    @Test
    void aPasswordStoredByAnotherProcessIsTakenWithinASecond() throws Exception {
        Protection running = Protection.load(state, trust);
        long before = running.generation();
        Protection.store(state, "new one".toCharArray(), trust);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!running.enabled() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running.verify("new one".toCharArray())).isTrue();
        assertThat(running.generation()).isNotEqualTo(before);
        // removing the hash behind the daemon's back locks it rather than opening it
        Files.delete(state.resolve(Protection.PASSWORD_FILE));
        Thread.sleep(1100);
        assertThat(running.enabled()).isTrue();
        assertThat(running.verify("new one".toCharArray())).isFalse();
    }

    @Test
    void clearingRemovesBoth() throws Exception {
        Protection protection = Protection.load(state, trust);
        protection.set("pw".toCharArray());
        long generation = protection.generation();
        protection.clear();
        assertThat(protection.enabled()).isFalse();
        assertThat(protection.generation()).isGreaterThan(generation);
        assertThat(state.resolve(Protection.MARKER_FILE)).doesNotExist();
        assertThat(Protection.load(state, trust).enabled()).isFalse();
    }
}
