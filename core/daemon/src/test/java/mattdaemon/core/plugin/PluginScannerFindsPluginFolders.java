package mattdaemon.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sub-folders of the plugin folder are plugins, in which order, with which jars. */
final class PluginScannerFindsPluginFolders {
    @TempDir
    Path root;
    PluginScanner scanner;

    @BeforeEach
    void ownScanner() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        scanner = new PluginScanner(PluginFolders.owner(root));
    }

    @Test
    void findsEveryFolderWithJarsSortedByName() throws Exception {
        PluginFolders.plugin(root, "zeta", "z.jar");
        PluginFolders.plugin(root, "alpha", "b.jar", "a.jar");

        PluginScanner.Scan scan = scanner.scan(root);

        assertThat(scan.refusals()).isEmpty();
        assertThat(scan.folders()).extracting(PluginFolder::name).containsExactly("alpha", "zeta");
        assertThat(scan.folders().getFirst().jars()).extracting(p -> p.getFileName().toString())
                .containsExactly("a.jar", "b.jar");
        assertThat(scan.folders().getFirst().dir()).isEqualTo(root.resolve("alpha"));
    }

    @Test
    void ignoresStagingFoldersFilesAndFoldersWithoutJars() throws Exception {
        PluginFolders.plugin(root, ".incoming", "a.jar");
        PluginFolders.plugin(root, "~old", "a.jar");
        PluginFolders.plugin(root, "mail~", "a.jar");
        PluginFolders.plugin(root, "empty");
        PluginFolders.plugin(root, "notes").resolve("x");
        Files.writeString(root.resolve("notes/readme.txt"), "no jar here");
        PluginFolders.jar(root.resolve("loose.jar"), "x");
        PluginFolders.plugin(root, "real", "a.jar");

        assertThat(scanner.scan(root).folders()).extracting(PluginFolder::name).containsExactly("real");
        assertThat(scanner.scan(root).refusals()).isEmpty();
    }

    @Test
    void aMissingPluginFolderIsEmpty() {
        PluginScanner.Scan scan = scanner.scan(root.resolve("nowhere"));
        assertThat(scan.folders()).isEmpty();
        assertThat(scan.refusals()).isEmpty();
    }

    @Test
    void theStampChangesWhenAJarIsReplacedOnly() throws Exception {
        Path dir = PluginFolders.plugin(root, "p", "a.jar");
        String first = scanner.scan(root).folders().getFirst().stamp();
        assertThat(scanner.scan(root).folders().getFirst().stamp()).isEqualTo(first);

        Path fresh = PluginFolders.jar(root.resolve("fresh.jar"), "other-entry-name");
        Files.move(fresh, dir.resolve("a.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(scanner.scan(root).folders().getFirst().stamp()).isNotEqualTo(first);
    }

    @Test
    void stagingNamesAreDotAndTildeNames() {
        assertThat(PluginScanner.isStaging(".incoming")).isTrue();
        assertThat(PluginScanner.isStaging("~mail")).isTrue();
        assertThat(PluginScanner.isStaging("mail~")).isTrue();
        assertThat(PluginScanner.isStaging("mail")).isFalse();
        assertThat(PluginScanner.isStaging("my.plugin")).isFalse();
    }
}
