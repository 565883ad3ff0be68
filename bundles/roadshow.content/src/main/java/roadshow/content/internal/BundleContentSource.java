package roadshow.content.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;

/**
 * Reads an installed content bundle through its entries only. A content bundle has no
 * code, so its class loader is never asked (that would also search its imports);
 * {@link Bundle#findEntries} and {@link Bundle#getEntry} see the bundle's own JAR, the
 * same files {@link ActiveContentBundle#open} later serves.
 *
 * <p>The framework does not show an entry's compressed size, so the compression-ratio
 * rule cannot be applied here: it is enforced where JARs enter Roadshow (the deploy
 * folder, publishing), by the {@link JarContentValidator} they run before they install
 * a bundle. The other size limits are counted on the bytes read, here as there.
 */
final class BundleContentSource implements ContentSource {

    private final Bundle bundle;

    BundleContentSource(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Map<String, String> headers() {
        // the raw headers: localized ones would make the vendor id depend on the locale
        Dictionary<String, String> raw = bundle.getHeaders("");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Enumeration<String> keys = raw.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            headers.put(key, raw.get(key));
        }
        return headers;
    }

    /**
     * Lists the whole bundle in one pass. Asking folder by folder would scan every entry
     * of the JAR once per folder and recurse once per level; the framework's recursive
     * {@code findEntries} walks the entries once and also names the folders a JAR leaves
     * out, and the {@link EntryListing} stops at the first entry past the limits. (The
     * framework still builds each parent folder of an entry before it hands the entry
     * over, so a single entry tens of thousands of folders deep takes it a few seconds;
     * the validator refuses such a JAR before it can be installed.)
     */
    @Override
    public List<String> files(ContentLimits limits) throws IOException {
        EntryListing listing = new EntryListing(limits);
        Enumeration<URL> entries = bundle.findEntries("/", "*", true);
        if (entries == null) {
            return listing.files();
        }
        URL root = bundle.getEntry("/");
        while (entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            // findEntries also searches attached fragments, whose files this bundle never serves
            if (root == null || (entry.getHost().equals(root.getHost()) && entry.getPort() == root.getPort())) {
                listing.add(name(entry));
            }
        }
        return listing.files();
    }

    /** The entry's name as the JAR holds it: a '#' or '?' in it ends up in the URL's fragment or query. */
    private static String name(URL entry) {
        String name = entry.getRef() == null ? entry.getFile() : entry.getFile() + "#" + entry.getRef();
        return name.startsWith("/") ? name.substring(1) : name;
    }

    @Override
    public Entry open(String path) throws IOException {
        URL url = bundle.getEntry(path);
        if (url == null) {
            return null;
        }
        URLConnection connection = url.openConnection();
        return new Entry(connection.getInputStream(), connection.getContentLengthLong());
    }
}
