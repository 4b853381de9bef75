package mattdaemon.core.plugin;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import mattdaemon.api.Command;
import mattdaemon.api.EventListener;
import mattdaemon.api.Plugin;
import mattdaemon.api.PluginAware;
import mattdaemon.api.PluginEnvironment;

/**
 * Loads one plugin folder into a child layer of the daemon's boot layer, with one class loader
 * of its own: plugins may bring different versions of the same library, and they read only
 * the modules the boot layer exports to everyone (for the daemon, just {@code mattdaemon.api}).
 * A plugin's {@link Plugin}, when it has one, is started before its commands and listeners are
 * created, and stopped again when any later step fails.
 */
final class PluginLoader {
    /** The rule of {@link Command#name()}: what a client can type as the first word of a line. */
    static final Pattern COMMAND_NAME = Pattern.compile("[a-z0-9-]+");
    static final String COMMAND_NAME_RULE = "a command name is lower case letters, digits and '-' only";

    private static final Set<String> SERVICES = Set.of(Command.class.getName(), EventListener.class.getName(),
            Plugin.class.getName());

    private final ModuleLayer parent;
    private final Function<String, PluginEnvironment> environments;
    private final PluginStopper stopper;

    PluginLoader(ModuleLayer parent, Function<String, PluginEnvironment> environments, PluginStopper stopper) {
        this.parent = parent;
        this.environments = environments;
        this.stopper = stopper;
    }

    /**
     * Loads {@code folder}. Jars carrying a module the daemon already has (its api, Log4j) are
     * skipped and reported through {@code warnings}: they would shadow the daemon's copy.
     */
    LoadedPlugin load(PluginFolder folder, Consumer<String> warnings) throws PluginLoadException {
        ModuleLayer layer;
        String provider;
        try {
            List<Path> usable = new ArrayList<>();
            Set<String> roots = new TreeSet<>();
            provider = null;
            for (Path jar : folder.jars()) {
                for (ModuleReference reference : ModuleFinder.of(jar).findAll()) {
                    ModuleDescriptor descriptor = reference.descriptor();
                    if (parent.findModule(descriptor.name()).isPresent()) {
                        warnings.accept("Plugin " + folder.name() + ": " + jar.getFileName() + " ignored, it carries "
                                + descriptor.name() + " which the daemon provides itself.");
                        continue;
                    }
                    usable.add(jar);
                    roots.add(descriptor.name());
                    if (provides(descriptor)) {
                        provider = provider == null ? descriptor.name() : provider;
                    }
                }
            }
            if (provider == null) {
                throw new PluginLoadException("no module in " + folder.dir() + " provides " + Command.class.getName()
                        + " or " + EventListener.class.getName(), null);
            }
            Configuration configuration = parent.configuration()
                    .resolveAndBind(ModuleFinder.of(usable.toArray(Path[]::new)), ModuleFinder.of(), roots);
            ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(
                    configuration, List.of(parent), ClassLoader.getPlatformClassLoader());
            layer = controller.layer();
            // JNA-based libraries (OSHI) load native code; the flag on the command line covers the boot layer only
            layer.modules().forEach(controller::enableNativeAccess);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new PluginLoadException(e.getMessage(), e);
        } catch (LinkageError | RuntimeException e) {
            throw new PluginLoadException(e.toString(), e);
        }
        String version = layer.findModule(provider).flatMap(m -> m.getDescriptor().rawVersion()).orElse("unversioned");
        PluginEnvironment base = environments.apply(folder.name());
        Optional<Plugin> plugin = Optional.empty();
        try {
            plugin = plugin(layer);
            PluginEnvironment environment = new WithPlugin(base, plugin);
            if (plugin.isPresent()) {
                try {
                    plugin.get().start(environment);
                } catch (Exception e) {
                    throw new PluginLoadException(plugin.get().getClass().getName() + " did not start: " + e.getMessage(), e);
                }
            }
            List<Command> commands = providers(layer, Command.class, environment);
            for (Command command : commands) {
                checkName(command);
            }
            List<EventListener> listeners = providers(layer, EventListener.class, environment);
            return new LoadedPlugin(folder, provider, version, layer, plugin, commands, listeners);
        } catch (PluginLoadException e) {
            plugin.ifPresent(p -> stopper.stop(folder.name(), p));
            throw e;
        } catch (ServiceConfigurationError e) {
            plugin.ifPresent(p -> stopper.stop(folder.name(), p));
            throw new PluginLoadException("a service could not be created: " + e.getMessage(), e);
        } catch (LinkageError | RuntimeException e) {
            plugin.ifPresent(p -> stopper.stop(folder.name(), p));
            throw new PluginLoadException(e.toString(), e);
        }
    }

    private static boolean provides(ModuleDescriptor descriptor) {
        return descriptor.provides().stream().anyMatch(p -> SERVICES.contains(p.service()));
    }

    /** Refuses a name no client could type as a first word, or that {@code help} would garble. */
    private static void checkName(Command command) throws PluginLoadException {
        String name = command.name();
        if (name == null || !COMMAND_NAME.matcher(name).matches()) {
            throw new PluginLoadException("command \"" + name + "\" (" + command.getClass().getName() + ") refused: "
                    + COMMAND_NAME_RULE, null);
        }
    }

    /** The layer's own {@link Plugin}, not yet started; more than one is an error. */
    private static Optional<Plugin> plugin(ModuleLayer layer) throws PluginLoadException {
        List<ServiceLoader.Provider<Plugin>> own = ServiceLoader.load(layer, Plugin.class).stream()
                .filter(p -> p.type().getModule().getLayer() == layer).toList();
        if (own.size() > 1) {
            throw new PluginLoadException("it provides " + own.size() + " " + Plugin.class.getName()
                    + " services, at most one is allowed", null);
        }
        return own.stream().findFirst().map(ServiceLoader.Provider::get);
    }

    /** The layer's own providers: ServiceLoader also returns the parent layers' (the built-ins). */
    private static <S> List<S> providers(ModuleLayer layer, Class<S> service, PluginEnvironment environment)
            throws PluginLoadException {
        List<S> found = new ArrayList<>();
        for (ServiceLoader.Provider<S> provider : ServiceLoader.load(layer, service).stream().toList()) {
            if (provider.type().getModule().getLayer() != layer) {
                continue;
            }
            S instance = provider.get();
            if (instance instanceof PluginAware aware) {
                try {
                    aware.attach(environment);
                } catch (Exception e) {
                    throw new PluginLoadException(provider.type().getName() + " refused its settings: " + e.getMessage(), e);
                }
            }
            found.add(instance);
        }
        return found;
    }

    /** The daemon's environment for one plugin, plus its started {@link Plugin}. */
    private record WithPlugin(PluginEnvironment base, Optional<Plugin> plugin) implements PluginEnvironment {
        @Override
        public String pluginName() {
            return base.pluginName();
        }

        @Override
        public java.util.Map<String, String> settings() {
            return base.settings();
        }

        @Override
        public Path stateDirectory() {
            return base.stateDirectory();
        }

        @Override
        public void log(String message) {
            base.log(message);
        }

        @Override
        public void logError(String message, Throwable cause) {
            base.logError(message, cause);
        }

        @Override
        public mattdaemon.api.DaemonStatus status() {
            return base.status();
        }
    }
}
