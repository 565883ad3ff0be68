package roadshow.web.internal;

import java.net.URL;

import org.osgi.framework.Bundle;

import freemarker.cache.URLTemplateLoader;

/**
 * Loads templates from a folder of one bundle through {@link Bundle#getEntry}, never
 * through a class loader. With a prefix, it answers only names under that prefix, which
 * keeps the shared layout ({@code web/...}) apart from a feature bundle's own templates.
 */
final class BundleTemplateLoader extends URLTemplateLoader {

    private final Bundle bundle;
    private final String folder;
    private final String prefix;

    BundleTemplateLoader(Bundle bundle, String folder, String prefix) {
        this.bundle = bundle;
        this.folder = folder;
        this.prefix = prefix;
    }

    @Override
    protected URL getURL(String name) {
        if (!name.startsWith(prefix)) {
            return null;
        }
        return bundle.getEntry(folder + "/" + name.substring(prefix.length()));
    }

    @Override
    public long getLastModified(Object templateSource) {
        // A bundle's templates change only with the bundle, which brings a new loader.
        return -1;
    }
}
