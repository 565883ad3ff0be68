package roadshow.content.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;

/**
 * Reads an installed content bundle through its entries only. A content bundle has no
 * code, so its class loader is never asked (that would also resolve it and search its
 * imports); {@link Bundle#getEntryPaths} and {@link Bundle#getEntry} see exactly the
 * bundle's own JAR, the same files {@link ActiveContentBundle#open} later serves.
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

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        collect("/", files);
        return files;
    }

    private void collect(String folder, List<String> files) {
        Enumeration<String> paths = bundle.getEntryPaths(folder);
        if (paths == null) {
            return;
        }
        while (paths.hasMoreElements()) {
            String path = paths.nextElement();
            if (path.endsWith("/")) {
                collect(path, files);
            } else {
                files.add(path.startsWith("/") ? path.substring(1) : path);
            }
        }
    }

    @Override
    public Entry open(String path) throws IOException {
        URL url = bundle.getEntry(path);
        if (url == null) {
            return null;
        }
        URLConnection connection = url.openConnection();
        return new Entry(connection.getInputStream(), connection.getContentLengthLong(), -1);
    }
}
