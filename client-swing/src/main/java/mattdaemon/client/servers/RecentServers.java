package mattdaemon.client.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recent-servers file: one server a line, {@code host<TAB>port<TAB>tls<TAB>fingerprint},
 * newest first, at most {@value #MAX} lines. Unreadable lines are skipped, never fatal.
 */
public final class RecentServers {
    /** How many servers are remembered. */
    public static final int MAX = 10;

    private final Path file;

    /** Kept in {@code file}. */
    public RecentServers(Path file) {
        this.file = file;
    }

    /** Kept in {@code $XDG_CONFIG_HOME/Ben_AFK/recent-servers} (default {@code ~/.config}). */
    public static RecentServers inUserConfig() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentServers(base.resolve("Ben_AFK").resolve("recent-servers"));
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The servers, newest first; empty when the file is missing or unreadable. */
    public List<RecentServer> list() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
        List<RecentServer> servers = new ArrayList<>();
        for (String line : lines) {
            parse(line).ifPresent(servers::add);
        }
        return List.copyOf(servers);
    }

    /** The remembered entry for {@code host:port}, if any. */
    public Optional<RecentServer> find(String host, int port) {
        RecentServer probe = new RecentServer(host, port, false, "");
        return list().stream().filter(probe::sameAddress).findFirst();
    }

    /**
     * Puts {@code server} first, replacing the entry for the same address, and writes the file
     * (atomically, readable only by its owner).
     */
    public void remember(RecentServer server) throws IOException {
        List<RecentServer> servers = new ArrayList<>(list());
        servers.removeIf(server::sameAddress);
        servers.addFirst(server);
        List<String> lines = servers.stream().limit(MAX).map(RecentServers::format).toList();
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".recent-servers", ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String format(RecentServer s) {
        return String.join("\t", s.host(), String.valueOf(s.port()), String.valueOf(s.tls()), s.fingerprint());
    }

    private static Optional<RecentServer> parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 3 || f[0].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecentServer(f[0], Integer.parseInt(f[1]), Boolean.parseBoolean(f[2]), f.length > 3 ? f[3] : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
