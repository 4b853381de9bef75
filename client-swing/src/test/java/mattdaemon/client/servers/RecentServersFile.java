package mattdaemon.client.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-servers file keeps the newest first, one entry per address, with its pin. */
class RecentServersFile {
    @TempDir
    Path dir;

    @Test
    void newestFirstOneEntryPerAddressPinKept() throws Exception {
        RecentServers recent = new RecentServers(dir.resolve("Ben_AFK/recent-servers"));
        assertThat(recent.list()).isEmpty();
        recent.remember(new RecentServer("localhost", 4242, false, ""));
        recent.remember(new RecentServer("box", 4243, true, "AB:CD"));
        recent.remember(new RecentServer("LOCALHOST", 4242, true, ""));
        assertThat(recent.list()).containsExactly(new RecentServer("LOCALHOST", 4242, true, ""),
                new RecentServer("box", 4243, true, "AB:CD"));
        assertThat(recent.find("box", 4243).flatMap(RecentServer::pin)).contains("AB:CD");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(recent.file()))).isEqualTo("rw-------");
    }

    @Test
    void keepsAtMostTenAndSkipsBrokenLines() throws Exception {
        Path file = dir.resolve("recent");
        Files.writeString(file, "broken\nhost\tnot-a-port\tfalse\nok\t1\tfalse\t\n");
        RecentServers recent = new RecentServers(file);
        assertThat(recent.list()).containsExactly(new RecentServer("ok", 1, false, ""));
        for (int i = 0; i < 15; i++) {
            recent.remember(new RecentServer("h" + i, 1000 + i, false, ""));
        }
        assertThat(recent.list()).hasSize(RecentServers.MAX).first().isEqualTo(new RecentServer("h14", 1014, false, ""));
    }
}
