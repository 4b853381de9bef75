package mattdaemon.core.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The StrictModes rules on real files; another user is uid 65534 (nobody). Needs root, like the daemon. */
class TrustedPathRefusesWhatOthersControl {
    private static final int NOBODY = 65534;
    private final TrustedPath trust = new TrustedPath(0);

    @TempDir
    Path dir;

    @BeforeEach
    void rootOnly() throws Exception {
        assertThat(Libc.geteuid()).as("these tests chown files, so they need root").isZero();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void rootsFoldersAndFilesAreTrusted() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a/b"));
        Path file = Files.writeString(folder.resolve("conf"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatCode(() -> trust.checkFolder(folder)).doesNotThrowAnyException();
        assertThatCode(() -> trust.checkFile(file)).doesNotThrowAnyException();
        // the part that does not exist yet is created by the daemon itself
        assertThatCode(() -> trust.checkFolder(folder.resolve("later/still-later"))).doesNotThrowAnyException();
    }

    @Test
    void aFolderOfAnotherUserIsRefusedWithItsName() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("log"));
        Files.setAttribute(folder, "unix:uid", NOBODY);
        assertThatThrownBy(() -> trust.checkFolder(folder)).hasMessage(folder + ": owned by uid 65534, not root");
        // and everything below it, even root's own
        Path below = Files.createDirectories(folder.resolve("inner"));
        assertThatThrownBy(() -> trust.checkFolder(below)).hasMessage(folder + ": owned by uid 65534, not root");
        assertThatThrownBy(() -> trust.checkFolder(folder.resolve("missing"))).hasMessageStartingWith(folder + ": owned by");
    }

    @Test
    void groupOrOtherWritableFoldersAreRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("state"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatThrownBy(() -> trust.checkFolder(folder))
                .hasMessage(folder + ": writable by group or others (mode 0775)");
    }

    @Test
    void aStickyFolderIsAcceptedAboveButNotAsTheFolderItself() throws Exception {
        Path sticky = Files.createDirectories(dir.resolve("tmp"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        Path inside = Files.createDirectories(sticky.resolve("daemon"));
        Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rwx------"));
        assertThatCode(() -> trust.checkFolder(inside)).doesNotThrowAnyException();
        assertThatThrownBy(() -> trust.checkFolder(sticky)).hasMessageContaining("writable by group or others (mode 1777)");
    }

    @Test
    void filesOfAnotherUserOrWritableByOthersAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("matt_daemon.conf"), "port = 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThatThrownBy(() -> trust.checkFile(file)).hasMessage(file + ": writable by group or others (mode 0664)");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setAttribute(file, "unix:uid", NOBODY);
        assertThatThrownBy(() -> trust.checkFile(file)).hasMessage(file + ": owned by uid 65534, not root");
    }

    @Test
    void aSecretMustBeRootsAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> trust.checkSecret(file)).hasMessage(file + ": accessible by group or others (mode 0640)");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatCode(() -> trust.checkSecret(file)).doesNotThrowAnyException();
    }

    @Test
    void linksAreCheckedWhereTheyLead() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("home/user"));
        Files.setAttribute(foreign, "unix:uid", NOBODY);
        Files.setAttribute(dir.resolve("home"), "unix:mode", 0755);
        Path rootsOwn = Files.createDirectories(foreign.resolve("rootdir"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), rootsOwn);
        // root's folder, but inside one nobody may rename it out of
        assertThatThrownBy(() -> trust.checkFolder(link)).hasMessage(foreign + ": owned by uid 65534, not root");
        Path file = Files.writeString(dir.resolve("real.conf"), "x");
        Path fileLink = Files.createSymbolicLink(dir.resolve("linked.conf"), file);
        assertThatThrownBy(() -> trust.checkFile(fileLink)).hasMessage(fileLink + ": is a symbolic link");
    }
}
