package mattdaemon.plugin.mail.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileMustBeRootOnly {
    static final String PASSWORD = "Tr0ub4dor&3-unique";

    @TempDir
    Path dir;

    Path file(String mode) throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, PASSWORD + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void anOwnerOnlyFileIsRead() throws Exception {
        Secret secret = PasswordFile.read(file("rw-------"));
        assertThat(secret.reveal()).isEqualTo(PASSWORD);
        assertThat(secret.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aFileOthersCanReadIsRefusedWithoutShowingIt() throws Exception {
        Path file = file("rw-r-----");
        assertThatThrownBy(() -> PasswordFile.read(file))
                .hasMessageContaining("is open to group or others (mode rw-r-----)")
                .hasMessageContaining("chmod 600")
                .hasMessageNotContaining(PASSWORD);
        Path world = file("rw----r--");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("smtp.host", "h", "smtp.user", "u",
                "smtp.password_file", world.toString()), "b")).hasMessageContaining("refused");
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), file("rw-------"));
        assertThatThrownBy(() -> PasswordFile.read(link)).hasMessageContaining("symbolic link");
    }

    @Test
    void theSecretIsScrubbedFromTexts() {
        Secret secret = new Secret(PASSWORD);
        String base64 = java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes());
        assertThat(secret.scrub("535 bad " + PASSWORD + " / " + base64)).doesNotContain(PASSWORD).doesNotContain(base64);
    }
}
