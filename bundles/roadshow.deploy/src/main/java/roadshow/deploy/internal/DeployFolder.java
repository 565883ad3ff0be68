package roadshow.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.content.api.ContentBundles;
import roadshow.content.api.ContentProblem;
import roadshow.content.api.ContentValidator;

/**
 * Keeps the bundles installed from the home's {@code deploy/} folder equal to the JARs in
 * it: a JAR that lands is installed and started, one that changes is updated in place,
 * one that goes away is uninstalled. The folder is watched with file events, so a drop
 * takes effect within milliseconds rather than a polling interval. A changed content JAR
 * is validated before it replaces the running version, so a broken upgrade leaves the
 * previous version serving.
 */
@Designate(ocd = DeployFolder.Config.class)
@Component(immediate = true)
public class DeployFolder {

    @ObjectClassDefinition(name = "Roadshow deploy folder", description = "Hot deployment of bundles from a folder.")
    public @interface Config {
        @AttributeDefinition(description = "The folder to watch; empty means deploy/ under the Roadshow home.")
        String path() default "";

        @AttributeDefinition(description = "Quiet time after the last change to a file before it is read, in milliseconds.")
        long settle_millis() default 40;
    }

    static final String LOCATION_PREFIX = "roadshow:deploy/";
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);

    private final BundleContext context;
    private final ContentValidator validator;
    private final ContentBundles contentBundles;
    private final Path folder;
    private final FolderWatcher watcher;
    /** What each file looked like when last deployed, to skip events that changed nothing. */
    private final Map<String, FileStamp> deployed = new HashMap<>();

    @Activate
    public DeployFolder(BundleContext context, Config config, @Reference ContentValidator validator,
            @Reference ContentBundles contentBundles) throws IOException {
        this.context = context;
        this.validator = validator;
        this.contentBundles = contentBundles;
        this.folder = Home.folder(context, config.path(), "deploy");
        this.watcher = new FolderWatcher(folder, name -> name.endsWith(".jar"), config.settle_millis(),
                this::deployedNames, this::reconcile, "roadshow-deploy");
        LOG.info("Deploying bundles from {}", folder);
    }

    @Deactivate
    void stop() throws InterruptedException, IOException {
        watcher.close();
    }

    /** The files of the bundles this folder installed, in this run or an earlier one. */
    private Set<String> deployedNames() {
        Set<String> names = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                names.add(bundle.getLocation().substring(LOCATION_PREFIX.length()));
            }
        }
        return names;
    }

    /** Brings each named file's bundle in line with the file, then starts what can now resolve. */
    private void reconcile(Set<String> names) {
        List<Bundle> touched = new ArrayList<>();
        List<Bundle> removed = new ArrayList<>();
        for (String name : names) {
            try {
                deploy(name, touched, removed);
            } catch (IOException | BundleException | RuntimeException e) {
                LOG.error("Could not deploy {}: {}", folder.resolve(name), e.getMessage());
            }
        }
        if (!removed.isEmpty() || !touched.isEmpty()) {
            // Dependents of a removed or replaced bundle must rewire (or become unresolved).
            List<Bundle> refresh = new ArrayList<>(removed);
            refresh.addAll(touched);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(refresh, event -> startPending());
        }
    }

    private void deploy(String name, List<Bundle> touched, List<Bundle> removed) throws IOException, BundleException {
        Path file = folder.resolve(name);
        String location = LOCATION_PREFIX + name;
        Bundle installed = context.getBundle(location);
        if (!Files.isRegularFile(file)) {
            deployed.remove(name);
            if (installed != null) {
                installed.uninstall();
                removed.add(installed);
                LOG.info("Uninstalled {} {} ({} was removed)", installed.getSymbolicName(), installed.getVersion(), name);
            }
            return;
        }
        FileStamp stamp = FileStamp.of(file);
        if (installed != null && (stamp.equals(deployed.get(name))
                || !deployed.containsKey(name) && installed.getLastModified() >= stamp.modified())) {
            // Unchanged, or kept by the framework from a previous start and not written since.
            deployed.put(name, stamp);
            return;
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            // Most often a file still being copied; the next write event brings it back.
            LOG.debug("{} is not a readable JAR yet: {}", name, e.getMessage());
            return;
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            LOG.error("{} is not an OSGi bundle (no Bundle-SymbolicName in its manifest); ignored", file);
            deployed.put(name, stamp);
            return;
        }
        if (installed != null && manifest.getMainAttributes().getValue("Roadshow-Content") != null) {
            List<ContentProblem> problems = validator.validate(file);
            if (!problems.isEmpty()) {
                deployed.put(name, stamp);
                contentBundles.refuseUpgrade(installed.getSymbolicName(),
                        manifest.getMainAttributes().getValue("Bundle-Version"),
                        manifest.getMainAttributes().getValue("Roadshow-Vendor"), problems);
                LOG.warn("Refused {}: {} problem(s); {} {} stays in service", name, problems.size(),
                        installed.getSymbolicName(), installed.getVersion());
                problems.forEach(p -> LOG.warn("  {}", p));
                return;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (installed == null) {
                Bundle bundle = context.installBundle(location, in);
                touched.add(bundle);
                LOG.info("Installed {} {} from {}", bundle.getSymbolicName(), bundle.getVersion(), name);
            } else {
                installed.update(in);
                touched.add(installed);
                LOG.info("Updated {} to {} from {}", installed.getSymbolicName(), installed.getVersion(), name);
            }
        }
        deployed.put(name, stamp);
    }

    /** Starts every deployed bundle that is not active yet and can resolve now. */
    private void startPending() {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)
                    && (bundle.getState() & (Bundle.INSTALLED | Bundle.RESOLVED)) != 0
                    && bundle.getHeaders("").get("Fragment-Host") == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    // Unresolved, typically waiting for another course bundle; the extender says why.
                    LOG.info("{} is not started yet: {}", bundle.getSymbolicName(), e.getMessage());
                } catch (IllegalStateException e) {
                    // Uninstalled meanwhile.
                }
            }
        }
    }

    /** Size and modification time: enough to tell a rewritten JAR from an untouched one. */
    record FileStamp(long size, long modified) {
        static FileStamp of(Path file) throws IOException {
            return new FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }
    }
}
