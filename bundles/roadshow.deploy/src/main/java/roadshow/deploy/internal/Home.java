package roadshow.deploy.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** The folders of the Roadshow home, which the launcher names in the framework property {@code roadshow.home}. */
final class Home {

    static final String PROPERTY = "roadshow.home";

    private Home() {
    }

    /** {@code configured} if set, else {@code name} under the home. */
    static Path folder(BundleContext context, String configured, String name) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String home = context.getProperty(PROPERTY);
        return Path.of(home == null ? "roadshow-home" : home).resolve(name);
    }
}
