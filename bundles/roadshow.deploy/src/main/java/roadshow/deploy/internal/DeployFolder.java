package roadshow.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.content.api.ContentBundleState;
import roadshow.content.api.ContentBundles;
import roadshow.content.api.ContentProblem;
import roadshow.content.api.ContentValidator;

/**
 * Keeps the bundles installed from the home's {@code deploy/} folder equal to the JARs in
 * it: a JAR that lands is installed and started, one that changes is updated in place,
 * one that goes away is uninstalled. The folder is watched with file events, so a drop
 * takes effect within milliseconds rather than a polling interval.
 *
 * <p>Each JAR is first copied aside, and that copy is what is checked and installed, so
 * a file still being written or swapped meanwhile never gets in half-checked. A content
 * bundle (one with a {@code Roadshow-Content} header, before or after the change) is
 * validated before it is installed or replaces the running version: a broken one never
 * runs, and a broken upgrade leaves the previous version serving. The folder belongs to
 * the operator, so bundles that are not content (an extra question type, say) are
 * installed as they are.
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
    /** The header that makes a bundle a content bundle, per the content bundle format. */
    static final String CONTENT_HEADER = "Roadshow-Content";
    private static final String VENDOR_HEADER = "Roadshow-Vendor";
    /** A file unreadable as a JAR this many times in a row is not being written; it is broken. */
    private static final int READ_ATTEMPTS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);

    private final BundleContext context;
    private final ContentValidator validator;
    private final ContentBundles contentBundles;
    private final Path folder;
    private final Path staging;
    private final DeployedFiles deployed;
    private final Map<String, Integer> readFailures = new HashMap<>();
    private final FolderWatcher watcher;

    @Activate
    public DeployFolder(BundleContext context, Config config, @Reference ContentValidator validator,
            @Reference ContentBundles contentBundles) throws IOException {
        this.context = context;
        this.validator = validator;
        this.contentBundles = contentBundles;
        this.folder = Home.folder(context, config.path(), "deploy");
        this.staging = Files.createDirectories(context.getDataFile("staging").toPath());
        this.deployed = new DeployedFiles(Files.createDirectories(context.getDataFile("deployed").toPath()));
        this.watcher = new FolderWatcher(folder, name -> name.endsWith(".jar"), config.settle_millis(),
                this::deployedNames, this::reconcile, "roadshow-deploy");
        LOG.info("Deploying bundles from {}", folder);
        watcher.start();
    }

    /**
     * The validator's limits changed (conf/roadshow.content.cfg): a JAR refused under the old
     * limits may pass now, so the folder is looked at again (bundles already installed stay,
     * as the extender keeps serving them). A reference of its own, as only a dynamic one hears
     * of a change to the service.
     */
    @Reference(name = "validatorLimits", service = ContentValidator.class, policy = ReferencePolicy.DYNAMIC,
            updated = "limitsChanged", unbind = "noLimits")
    void limits(ContentValidator changed) {
        // the constructor has the validator; only its changes matter here
    }

    void limitsChanged(ContentValidator changed) {
        watcher.rescan();
    }

    void noLimits(ContentValidator gone) {
        // the component stops with its constructor's reference
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

    /**
     * Brings each named file's bundle in line with the file, removals first (so a JAR
     * renamed to another file name is uninstalled before its new name installs it again),
     * then starts what was touched and what waited for it. Answers the names to retry.
     */
    private Set<String> reconcile(Set<String> names) {
        List<String> ordered = new ArrayList<>(names);
        ordered.sort((a, b) -> Boolean.compare(Files.isRegularFile(folder.resolve(a)), Files.isRegularFile(folder.resolve(b))));
        List<Bundle> touched = new ArrayList<>();
        List<Bundle> removed = new ArrayList<>();
        Set<String> retry = new HashSet<>();
        for (String name : ordered) {
            try {
                if (!deploy(name, touched, removed)) {
                    retry.add(name);
                }
            } catch (IOException | BundleException | RuntimeException e) {
                LOG.error("Could not deploy {}: {}", folder.resolve(name), e.getMessage());
            }
        }
        if (!removed.isEmpty() || !touched.isEmpty()) {
            // Dependents of a removed or replaced bundle must rewire (or become unresolved).
            List<Bundle> refresh = new ArrayList<>(removed);
            refresh.addAll(touched);
            context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class)
                    .refreshBundles(refresh, event -> start(touched));
        }
        return retry;
    }

    /** Deploys one file; false when it cannot be read as a JAR yet and should be tried again. */
    private boolean deploy(String name, List<Bundle> touched, List<Bundle> removed) throws IOException, BundleException {
        Path file = folder.resolve(name);
        String location = LOCATION_PREFIX + name;
        Bundle installed = context.getBundle(location);
        if (!Files.isRegularFile(file)) {
            deployed.forget(name);
            if (installed != null) {
                installed.uninstall();
                removed.add(installed);
                LOG.info("Uninstalled {} {} ({} was removed)", installed.getSymbolicName(), installed.getVersion(), name);
            }
            return true;
        }
        DeployedFiles.Stamp stamp = DeployedFiles.Stamp.of(file);
        if (installed != null && deployed.unchanged(name, stamp)) {
            return true;
        }
        Path copy = staging.resolve(name);
        try {
            String digest = copyAside(file, copy);
            if (installed != null && deployed.sameContent(name, digest)) {
                // Touched or copied over with the same bytes: nothing to do.
                deployed.remember(name, stamp, digest);
                return true;
            }
            Manifest manifest = manifest(copy);
            if (manifest == null) {
                return giveUpAfterAttempts(name);
            }
            readFailures.remove(name);
            Attributes headers = manifest.getMainAttributes();
            if (headers.getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                LOG.error("{} is not an OSGi bundle (no Bundle-SymbolicName in its manifest); ignored", file);
                deployed.remember(name, stamp, digest);
                return true;
            }
            boolean content = headers.getValue(CONTENT_HEADER) != null
                    || installed != null && installed.getHeaders("").get(CONTENT_HEADER) != null;
            if (content && refused(name, copy, headers, installed)) {
                deployed.remember(name, stamp, digest);
                return true;
            }
            try (InputStream in = Files.newInputStream(copy)) {
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
            deployed.remember(name, stamp, digest);
            return true;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Validates a content JAR; when it breaks the format, reports why and answers true. */
    private boolean refused(String name, Path copy, Attributes headers, Bundle installed) throws IOException {
        List<ContentProblem> problems = validator.validate(copy);
        if (problems.isEmpty()) {
            return false;
        }
        String symbolicName = headers.getValue(Constants.BUNDLE_SYMBOLICNAME).split(";", 2)[0].trim();
        contentBundles.refuseBeforeInstall(symbolicName, headers.getValue(Constants.BUNDLE_VERSION),
                headers.getValue(VENDOR_HEADER), problems);
        LOG.warn("Refused {}: {} problem(s){}", name, problems.size(), installed == null ? ""
                : "; " + installed.getSymbolicName() + " " + installed.getVersion() + " stays in service");
        problems.forEach(p -> LOG.warn("  {}", p));
        return true;
    }

    private boolean giveUpAfterAttempts(String name) {
        int failures = readFailures.merge(name, 1, Integer::sum);
        if (failures < READ_ATTEMPTS) {
            // Most often a file still being copied: try again shortly.
            return false;
        }
        readFailures.remove(name);
        LOG.error("{} is not a readable JAR; it is tried again when it changes", folder.resolve(name));
        return true;
    }

    private static Manifest manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? new Manifest() : manifest;
        } catch (IOException e) {
            return null;
        }
    }

    /** Copies {@code file} to {@code copy} and answers the SHA-256 of the bytes copied. */
    private static String copyAside(Path file, Path copy) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256);
                OutputStream out = Files.newOutputStream(copy)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Starts the bundles this batch installed or updated, and every deployed bundle still
     * waiting to resolve (typically for a course another bundle provides, or a question type
     * that a code bundle adds). Bundles an operator stopped are left stopped. A code bundle
     * dropped in after the content bundle that needs it is thus started in its own batch,
     * and the content bundle with it.
     */
    private void start(List<Bundle> touched) {
        for (Bundle bundle : context.getBundles()) {
            boolean waiting = bundle.getLocation().startsWith(LOCATION_PREFIX) && bundle.getState() == Bundle.INSTALLED;
            if ((touched.contains(bundle) || waiting) && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    LOG.warn("{} {} cannot start yet: {}", bundle.getSymbolicName(), bundle.getVersion(), whyUnresolved(bundle, e));
                } catch (IllegalStateException e) {
                    // Uninstalled meanwhile.
                }
            }
        }
    }

    /**
     * Why a bundle did not start, in the terms of its content for a content bundle (the
     * course or question type it requires that no bundle provides), as the framework says
     * it otherwise.
     */
    private String whyUnresolved(Bundle bundle, BundleException e) {
        if (bundle.getHeaders("").get(CONTENT_HEADER) != null) {
            for (ContentBundleState state : contentBundles.states()) {
                if (state.bundleId() == bundle.getBundleId() && !state.problems().isEmpty()) {
                    return String.join("; ", state.problems().stream().map(ContentProblem::message).toList());
                }
            }
        }
        return e.getMessage();
    }

    /**
     * What each deployed file looked like, kept in this bundle's data area so that a restart
     * knows which files changed while Roadshow was stopped, even when a file was replaced by
     * an older one with an older time stamp (a rollback with {@code cp -p}).
     */
    static final class DeployedFiles {
        private final Path folder;
        private final Map<String, String> digests = new HashMap<>();
        private final Map<String, Stamp> stamps = new HashMap<>();

        DeployedFiles(Path folder) {
            this.folder = folder;
        }

        /** True when size and time stamp are what they were when this file was last deployed. */
        boolean unchanged(String name, Stamp stamp) throws IOException {
            load(name);
            return stamp.equals(stamps.get(name));
        }

        boolean sameContent(String name, String digest) throws IOException {
            load(name);
            return digest.equals(digests.get(name));
        }

        void remember(String name, Stamp stamp, String digest) throws IOException {
            stamps.put(name, stamp);
            digests.put(name, digest);
            Files.writeString(folder.resolve(name + ".deployed"), stamp.size() + " " + stamp.modified() + " " + digest,
                    StandardCharsets.UTF_8);
        }

        void forget(String name) throws IOException {
            stamps.remove(name);
            digests.remove(name);
            Files.deleteIfExists(folder.resolve(name + ".deployed"));
        }

        private void load(String name) throws IOException {
            if (digests.containsKey(name)) {
                return;
            }
            Path record = folder.resolve(name + ".deployed");
            if (Files.isRegularFile(record)) {
                String[] fields = Files.readString(record, StandardCharsets.UTF_8).trim().split(" ");
                if (fields.length == 3) {
                    stamps.put(name, new Stamp(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
                    digests.put(name, fields[2]);
                }
            }
        }

        /** Size and modification time: enough to tell most rewritten JARs from untouched ones. */
        record Stamp(long size, long modified) {
            static Stamp of(Path file) throws IOException {
                return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            }
        }
    }
}
