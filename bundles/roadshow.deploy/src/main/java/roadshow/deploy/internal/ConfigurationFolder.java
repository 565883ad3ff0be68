package roadshow.deploy.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the operator's configuration files in the home's {@code conf/} folder through
 * Configuration Admin: {@code conf/<pid>.cfg} configures the component with that PID
 * (for example {@code roadshow.store.cfg} the database), {@code conf/<factory pid>~<name>.cfg}
 * one instance of a factory. Files are Java properties. Editing a file reconfigures the
 * running component; deleting it returns the component to its defaults. A properties file
 * cut short still reads, so operators write a new file under another name and rename it.
 */
@Designate(ocd = ConfigurationFolder.Config.class)
@Component(immediate = true)
public class ConfigurationFolder {

    @ObjectClassDefinition(name = "Roadshow configuration folder",
            description = "Configuration files applied through Configuration Admin.")
    public @interface Config {
        @AttributeDefinition(description = "The folder to watch; empty means conf/ under the Roadshow home.")
        String path() default "";

        @AttributeDefinition(description = "Quiet time after the last change to a file before it is read, in milliseconds.")
        long settle_millis() default 40;
    }

    /** Marks the configurations this folder made, and names the file each came from. */
    static final String SOURCE = "roadshow.conf.file";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+(~[A-Za-z0-9._-]+)?\\.cfg");
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationFolder.class);

    private final ConfigurationAdmin configurationAdmin;
    private final Path folder;
    private final FolderWatcher watcher;

    @Activate
    public ConfigurationFolder(BundleContext context, Config config, @Reference ConfigurationAdmin configurationAdmin)
            throws IOException {
        this.configurationAdmin = configurationAdmin;
        this.folder = Home.folder(context, config.path(), "conf");
        this.watcher = new FolderWatcher(folder, name -> name.endsWith(".cfg"), config.settle_millis(),
                this::appliedFiles, this::apply, "roadshow-conf");
        LOG.info("Applying configuration files from {}", folder);
        watcher.start();
    }

    @Deactivate
    void stop() throws IOException, InterruptedException {
        watcher.close();
    }

    private Set<String> appliedFiles() {
        Set<String> names = new HashSet<>();
        try {
            Configuration[] applied = configurationAdmin.listConfigurations("(" + SOURCE + "=*)");
            if (applied != null) {
                for (Configuration configuration : applied) {
                    names.add((String) configuration.getProperties().get(SOURCE));
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Cannot list the configurations made from {}: {}", folder, e.getMessage());
        }
        return names;
    }

    private Set<String> apply(Set<String> names) {
        for (String name : names) {
            try {
                if (!FILE_NAME.matcher(name).matches()) {
                    LOG.error("{} is not named <pid>.cfg or <factory pid>~<name>.cfg; ignored", folder.resolve(name));
                } else if (Files.isRegularFile(folder.resolve(name))) {
                    update(name);
                } else {
                    delete(name);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not apply {}: {}", folder.resolve(name), e.getMessage());
            }
        }
        // A properties file is always readable, so nothing is tried again before it changes.
        return Set.of();
    }

    private void update(String name) throws IOException {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(name), StandardCharsets.UTF_8)) {
            file.load(in);
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        file.stringPropertyNames().forEach(key -> properties.put(key, file.getProperty(key).trim()));
        properties.put(SOURCE, name);

        Configuration configuration = configuration(name);
        // An unchanged file must not restart the components it configures.
        if (!configuration.updateIfDifferent(properties)) {
            return;
        }
        LOG.info("Applied {} to {}", name, configuration.getPid());
    }

    private void delete(String name) throws IOException {
        try {
            Configuration[] made = configurationAdmin.listConfigurations("(" + SOURCE + "=" + name + ")");
            if (made != null) {
                for (Configuration configuration : made) {
                    // A deleted configuration no longer tells its PID.
                    String pid = configuration.getPid();
                    configuration.delete();
                    LOG.info("Removed the configuration of {}, as {} was deleted", pid, name);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Configuration configuration(String name) throws IOException {
        String pid = name.substring(0, name.length() - ".cfg".length());
        int tilde = pid.indexOf('~');
        // "?" binds the configuration to whichever bundle registers the PID, as files are not owned by a bundle.
        return tilde < 0 ? configurationAdmin.getConfiguration(pid, "?")
                : configurationAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?");
    }
}
