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
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import mattdaemon.api.Command;
import mattdaemon.api.EventListener;
import mattdaemon.api.PluginAware;
import mattdaemon.api.PluginEnvironment;

/**
 * Loads one plugin folder into a child layer of the daemon's boot layer, with one class loader
 * of its own: plugins may bring different versions of the same library, and they read only
 * the modules the boot layer exports to everyone (for the daemon, just {@code mattdaemon.api}).
 */
final class PluginLoader {
    private final ModuleLayer parent;
    private final Function<String, PluginEnvironment> environments;

    PluginLoader(ModuleLayer parent, Function<String, PluginEnvironment> environments) {
        this.parent = parent;
        this.environments = environments;
    }

    /**
     * Loads {@code folder}. Jars carrying a module the daemon already has (its api, Log4j) are
     * skipped and reported through {@code warnings}: they would shadow the daemon's copy.
     */
    LoadedPlugin load(PluginFolder folder, Consumer<String> warnings) throws PluginLoadException {
        try {
            List<Path> usable = new ArrayList<>();
            Set<String> roots = new TreeSet<>();
            String provider = null;
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
            ModuleLayer layer = controller.layer();
            // JNA-based libraries (OSHI) load native code; the flag on the command line covers the boot layer only
            layer.modules().forEach(controller::enableNativeAccess);
            PluginEnvironment environment = environments.apply(folder.name());
            List<Command> commands = providers(layer, Command.class, environment);
            List<EventListener> listeners = providers(layer, EventListener.class, environment);
            String version = layer.findModule(provider).flatMap(m -> m.getDescriptor().rawVersion()).orElse("unversioned");
            return new LoadedPlugin(folder, provider, version, layer, commands, listeners);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new PluginLoadException(e.getMessage(), e);
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException("a service could not be created: " + e.getMessage(), e);
        } catch (LinkageError | RuntimeException e) {
            throw new PluginLoadException(e.toString(), e);
        }
    }

    private static boolean provides(ModuleDescriptor descriptor) {
        return descriptor.provides().stream().anyMatch(p -> p.service().equals(Command.class.getName())
                || p.service().equals(EventListener.class.getName()));
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
}
