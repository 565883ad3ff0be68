package roadshow.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Felix framework carrying Roadshow's platform bundles, in the manner of
 * Felix's own {@code Main}: find the {@link FrameworkFactory}, init, install the bundles
 * found under {@code bundles/<start level>/} in the launcher's jar, start, serve.
 */
public final class Host {

    private static final String HTTP_RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final String ENDPOINT = "osgi.http.endpoint";
    private static final String PLATFORM_LOCATION = "roadshow:platform/";

    private final Framework framework;
    private final String url;

    private Host(Framework framework, String url) {
        this.framework = framework;
        this.url = url;
    }

    /** Starts the framework and returns once the HTTP server answers. */
    public static Host start(HostOptions options) throws Exception {
        Path home = options.home();
        boolean newHome = !Files.isDirectory(home.resolve("deploy"));
        for (String folder : List.of("deploy", "data", "conf")) {
            Files.createDirectories(home.resolve(folder));
        }
        if (newHome && options.examples()) {
            seedExamples(home.resolve("deploy"));
        }

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi FrameworkFactory on the class path"));
        Framework framework = factory.newFramework(frameworkProperties(options));
        framework.init();
        try {
            installPlatformBundles(framework.getBundleContext());
            framework.start();
            String url = awaitHttp(framework.getBundleContext(), options.port());
            return new Host(framework, url);
        } catch (Exception | Error e) {
            framework.stop();
            framework.waitForStop(10_000);
            throw e;
        }
    }

    public String url() {
        return url;
    }

    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /** Blocks until the framework has stopped, by {@link #stop()} or from inside. */
    public void awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.STOPPED_UPDATE);
    }

    /** Stops every bundle in reverse start order and waits for the framework to finish. */
    public void stop() {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        } catch (BundleException e) {
            throw new IllegalStateException("Roadshow did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void putIfSet(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    private static Map<String, String> frameworkProperties(HostOptions options) {
        Map<String, String> properties = new HashMap<>();
        // The framework keeps its installed bundles here between starts, so a restart need
        // not install them again; installPlatformBundles replaces those that changed.
        properties.put(Constants.FRAMEWORK_STORAGE, options.home().resolve("data").resolve("framework").toString());
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "3");
        properties.put("felix.log.level", "1");
        // Bundles see only what they import: never a class that happens to be on the
        // launcher's class path (as a test's class path holds the bundles' own jars).
        properties.put("felix.bootdelegation.implicit", "false");
        properties.put("org.osgi.service.http.port", Integer.toString(options.port()));
        properties.put("roadshow.home", options.home().toString());
        properties.put("roadshow.db.url", options.jdbcUrl());
        putIfSet(properties, "roadshow.public.url", options.publicUrl());
        putIfSet(properties, "roadshow.admin.email", options.adminEmail());
        putIfSet(properties, "roadshow.admin.password", options.adminPassword());
        return properties;
    }

    /**
     * Brings the installed platform bundles in line with those this launcher carries. Each
     * is installed under a location that names its jar and the jar's CRC, so a bundle kept
     * from an earlier start is reused only if it is byte for byte the one carried now;
     * any other platform bundle is uninstalled.
     */
    private static void installPlatformBundles(BundleContext context) throws IOException, BundleException {
        Map<String, Bundle> previous = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(PLATFORM_LOCATION)) {
                previous.put(bundle.getLocation(), bundle);
            }
        }
        List<Bundle> carried = new ArrayList<>();
        try (CarriedFiles files = CarriedFiles.open()) {
            for (Path jar : files.list("bundles")) {
                String location = PLATFORM_LOCATION + jar.getFileName() + "#" + Long.toHexString(files.crc(jar));
                Bundle bundle = previous.remove(location);
                if (bundle == null) {
                    try (InputStream in = Files.newInputStream(jar)) {
                        bundle = context.installBundle(location, in);
                    }
                }
                int level = Integer.parseInt(jar.getParent().getFileName().toString());
                bundle.adapt(BundleStartLevel.class).setStartLevel(level);
                carried.add(bundle);
            }
        }
        for (Bundle stale : previous.values()) {
            stale.uninstall();
        }
        for (Bundle bundle : carried) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
    }

    private static void seedExamples(Path deploy) throws IOException {
        try (CarriedFiles files = CarriedFiles.open()) {
            for (Path jar : files.list("examples")) {
                Files.copy(jar, deploy.resolve(jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String awaitHttp(BundleContext context, int port) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=" + HTTP_RUNTIME + ")"), null);
        tracker.open();
        try {
            if (tracker.waitForService(TimeUnit.SECONDS.toMillis(60)) == null) {
                throw new IllegalStateException("The HTTP server did not start within 60 s; see the log above");
            }
            return "http://localhost:" + boundPort(tracker.getServiceReference().getProperty(ENDPOINT), port) + "/";
        } finally {
            tracker.close();
        }
    }

    /** The port Jetty names in its endpoint property, which differs from the option only for port 0. */
    private static int boundPort(Object endpoint, int configured) {
        String first = endpoint instanceof String[] all && all.length > 0 ? all[0]
                : endpoint instanceof String one ? one : null;
        if (first != null) {
            try {
                int port = java.net.URI.create(first).getPort();
                if (port > 0) {
                    return port;
                }
            } catch (IllegalArgumentException e) {
                // fall back to the configured port
            }
        }
        return configured;
    }

    /**
     * The files the launcher carries under {@code bundles/} and {@code examples/}: inside
     * its own jar when run with {@code java -jar}, in the classes folder when run from a build.
     */
    private static final class CarriedFiles implements AutoCloseable {
        private final Path root;
        private final FileSystem jar;

        private CarriedFiles(Path root, FileSystem jar) {
            this.root = root;
            this.jar = jar;
        }

        static CarriedFiles open() throws IOException {
            try {
                Path location = Path.of(Host.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(location)) {
                    return new CarriedFiles(location, null);
                }
                FileSystem jar = FileSystems.newFileSystem(location);
                return new CarriedFiles(jar.getPath("/"), jar);
            } catch (URISyntaxException e) {
                throw new IOException("Cannot locate the launcher's jar", e);
            }
        }

        /** The jars under {@code folder}, recursively, in path order (so start level folders sort first). */
        List<Path> list(String folder) throws IOException {
            Path start = root.resolve(folder);
            if (!Files.isDirectory(start)) {
                return List.of();
            }
            try (Stream<Path> paths = Files.walk(start)) {
                return paths.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        /** The CRC-32 of a carried file: free from the jar's directory, computed in a classes folder. */
        long crc(Path file) throws IOException {
            if (jar != null) {
                return (Long) Files.getAttribute(file, "zip:crc");
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(Files.readAllBytes(file));
            return crc.getValue();
        }

        @Override
        public void close() throws IOException {
            if (jar != null) {
                jar.close();
            }
        }
    }
}
