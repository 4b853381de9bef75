package mattdaemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles small plugin modules from source with the JDK's compiler and packs them as modular
 * jars, so each test states the exact plugin it drops into the daemon.
 */
final class PluginBuilder {
    static final Path API_JAR;

    static {
        try (Stream<Path> jars = Files.list(DaemonUnderTest.DIST.resolve("lib"))) {
            API_JAR = jars.filter(p -> p.getFileName().toString().startsWith("matt-daemon-api-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no api jar in dist/lib"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Path work;

    PluginBuilder(Path work) {
        this.work = work;
    }

    /**
     * Compiles one module and returns its jar.
     *
     * @param sources   file path inside the module (e.g. {@code module-info.java}) to source text
     * @param libraries jars the module needs besides the api
     */
    Path module(String name, String version, Map<String, String> sources, Path... libraries) throws IOException {
        Path src = work.resolve("src-" + name + "-" + version);
        Path classes = work.resolve("classes-" + name + "-" + version);
        List<String> files = new ArrayList<>();
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        List<String> modulePath = new ArrayList<>(List.of(API_JAR.toString()));
        for (Path library : libraries) {
            modulePath.add(library.toString());
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--module-version", version,
                "--module-path", String.join(":", modulePath), "-Xlint:none", "-proc:none"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new java.io.ByteArrayOutputStream();
        if (javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("test plugin " + name + " does not compile:\n" + diagnostics);
        }
        Path jar = work.resolve(name + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * A plugin module {@code test.<command>} with one command whose execute body is given.
     * The command class can use {@code context} and {@code arguments}.
     */
    Path command(String command, String version, String executeBody, String extraMembers, String... requires)
            throws IOException {
        String module = "test." + command.replace('-', '_');
        String pkg = module;
        String requiresLines = Stream.of(requires).map(r -> "    requires " + r + ";\n").collect(Collectors.joining());
        return module(module, version, Map.of(
                "module-info.java", "module " + module + " {\n    requires mattdaemon.api;\n" + requiresLines
                        + "    provides mattdaemon.api.Command with " + pkg + ".TheCommand;\n}\n",
                pkg.replace('.', '/') + "/TheCommand.java", "package " + pkg + ";\n"
                        + "import mattdaemon.api.*;\n"
                        + "public final class TheCommand implements Command {\n"
                        + "    public String name() { return \"" + command + "\"; }\n"
                        + "    public String summary() { return \"test command " + command + " " + version + "\"; }\n"
                        + "    public String usage() { return \"" + command + " [words]\"; }\n"
                        + extraMembers + "\n"
                        + "    public Reply execute(CommandContext context, String arguments) throws Exception {\n"
                        + executeBody + "\n    }\n}\n"),
                librariesFor(requires));
    }

    private Path[] librariesFor(String... requires) {
        return Stream.of(requires).map(r -> work.resolve(r + ".jar")).filter(Files::exists).toArray(Path[]::new);
    }

    /** Installs jars as plugin folder {@code name}: assembled aside, then renamed in at once. */
    static Path install(Path pluginDir, String name, Path... jars) throws IOException {
        Path staging = Files.createTempDirectory(pluginDir.getParent(), "staging-");
        for (Path jar : jars) {
            Files.copy(jar, staging.resolve(jar.getFileName()));
        }
        Path target = pluginDir.resolve(name);
        if (Files.exists(target)) {
            remove(pluginDir, name);
        }
        return Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes plugin folder {@code name} by renaming it away first, so the daemon never sees half of it. */
    static void remove(Path pluginDir, String name) throws IOException {
        Path gone = Files.createTempDirectory(pluginDir.getParent(), "removed-");
        Files.delete(gone);
        Files.move(pluginDir.resolve(name), gone, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> walk = Files.walk(gone)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
