package mattdaemon.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files another user could write, or owned by someone else, are refused with a reason. The
 * owner check takes the uid, so these run as any user: a scanner expecting another uid than
 * the test's own sees files "owned by someone else".
 */
final class PluginScannerRefusesUnsafeFiles {
    @TempDir
    Path root;
    int me;

    @BeforeEach
    void safeRoot() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        me = PluginFolders.owner(root);
    }

    @Test
    void aGroupWritableFolderIsRefusedTheOthersStillLoad() throws Exception {
        Path bad = PluginFolders.plugin(root, "bad", "a.jar");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rwxrwxr-x"));
        PluginFolders.plugin(root, "good", "a.jar");

        PluginScanner.Scan scan = new PluginScanner(me).scan(root);

        assertThat(scan.folders()).extracting(PluginFolder::name).containsExactly("good");
        assertThat(scan.refusals()).containsExactly(
                new RefusedPlugins.Refusal("bad", bad + " is writable by group or others"));
    }

    @Test
    void aWorldWritableJarRefusesItsPlugin() throws Exception {
        Path dir = PluginFolders.plugin(root, "p", "a.jar", "b.jar");
        Files.setPosixFilePermissions(dir.resolve("b.jar"), PosixFilePermissions.fromString("rw-rw-rw-"));

        PluginScanner.Scan scan = new PluginScanner(me).scan(root);

        assertThat(scan.folders()).isEmpty();
        assertThat(scan.refusals()).singleElement().satisfies(r -> {
            assertThat(r.plugin()).isEqualTo("p");
            assertThat(r.reason()).isEqualTo(dir.resolve("b.jar") + " is writable by group or others");
        });
    }

    @Test
    void filesOfAnotherOwnerAreRefusedAsIsTheWholeFolder() throws Exception {
        PluginFolders.plugin(root, "p", "a.jar");
        int other = me + 1;

        PluginScanner.Scan scan = new PluginScanner(other).scan(root);

        assertThat(scan.folders()).isEmpty();
        assertThat(scan.refusals()).containsExactly(new RefusedPlugins.Refusal(root.toString(),
                "is owned by uid " + me + ", not " + other + "; no plugins loaded"));
    }

    @Test
    void aWritablePluginFolderRefusesEveryPlugin() throws Exception {
        PluginFolders.plugin(root, "p", "a.jar");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));

        PluginScanner.Scan scan = new PluginScanner(me).scan(root);

        assertThat(scan.folders()).isEmpty();
        assertThat(scan.refusals()).singleElement().extracting(RefusedPlugins.Refusal::reason)
                .isEqualTo("is writable by group or others; no plugins loaded");
    }

    @Test
    void aSymbolicLinkToAJarIsRefused(@TempDir Path other) throws Exception {
        Path dir = PluginFolders.plugin(root, "p", "a.jar");
        Path elsewhere = PluginFolders.jar(other.resolve("elsewhere.jar"), "x");
        Files.createSymbolicLink(dir.resolve("link.jar"), elsewhere);

        PluginScanner.Scan scan = new PluginScanner(me).scan(root);

        assertThat(scan.folders()).isEmpty();
        assertThat(scan.refusals()).singleElement().extracting(RefusedPlugins.Refusal::reason)
                .isEqualTo(dir.resolve("link.jar") + " is a symbolic link");
    }

    @Test
    void aSymbolicLinkToAFolderIsNotAPlugin(@TempDir Path other) throws Exception {
        Path real = PluginFolders.plugin(other, "p", "a.jar");
        Files.createSymbolicLink(root.resolve("linked"), real);

        assertThat(new PluginScanner(me).scan(root).folders()).isEmpty();
    }
}
