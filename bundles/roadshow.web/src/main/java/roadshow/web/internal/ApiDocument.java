package roadshow.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.web.api.Json;

/**
 * The OpenAPI document at {@code /api/openapi.json}: this bundle's base document, merged
 * with the paths and schemas that each feature bundle describes in the YAML file named by
 * its {@code Roadshow-OpenAPI} header. A bundle's endpoints are documented exactly while
 * the bundle is active.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/openapi.json")
public class ApiDocument extends HttpServlet {

    static final String HEADER = "Roadshow-OpenAPI";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiDocument.class);

    /** The fragment file of each documenting bundle, read when the document is next asked for. */
    private final transient Map<Long, Fragment> fragments = new ConcurrentSkipListMap<>();
    /** The document as last rendered, with the count of fragment changes it was rendered from. */
    private final transient AtomicReference<Rendered> rendered = new AtomicReference<>();
    private final transient AtomicLong changes = new AtomicLong();
    private final transient URL base;
    private final transient BundleTracker<Long> tracker;

    @Activate
    public ApiDocument(BundleContext context) {
        base = context.getBundle().getEntry("openapi/base.yaml");
        tracker = new BundleTracker<>(context, Bundle.ACTIVE | Bundle.STARTING, new BundleTrackerCustomizer<>() {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                String path = bundle.getHeaders("").get(HEADER);
                if (path == null) {
                    return null;
                }
                fragments.put(bundle.getBundleId(), new Fragment(bundle.getSymbolicName(), path, bundle.getEntry(path)));
                changes.incrementAndGet();
                return bundle.getBundleId();
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                fragments.remove(id);
                changes.incrementAndGet();
            }
        });
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    private static JsonNode read(URL entry) throws IOException {
        if (entry == null) {
            throw new IOException("file not found");
        }
        try (InputStream in = entry.openStream()) {
            return Yaml.MAPPER.readTree(in);
        }
    }

    /** Holds the YAML mapper, so that Jackson is loaded when the document is first asked for, not at start-up. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new YAMLMapper();
    }

    /** The merged document; fragments add paths and component schemas, later ones never overwrite. */
    JsonNode document() throws IOException {
        ObjectNode document = (ObjectNode) read(base);
        ObjectNode paths = document.withObject("/paths");
        ObjectNode schemas = document.withObject("/components").withObject("/schemas");
        for (Fragment fragment : fragments.values()) {
            JsonNode tree;
            try {
                tree = read(fragment.entry());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Bundle {} names {} in {}, which cannot be read: {}", fragment.bundle(), fragment.path(),
                        HEADER, e.getMessage());
                continue;
            }
            merge(paths, tree.path("paths"));
            merge(schemas, tree.path("components").path("schemas"));
        }
        return document;
    }

    private record Rendered(long version, byte[] body) {
    }

    /** Where one bundle documents its endpoints. */
    private record Fragment(String bundle, String path, URL entry) {
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            into.putIfAbsent(field.getKey(), field.getValue());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // A bundle arriving while the document renders makes this copy stale: it is sent, never kept.
        long version = changes.get();
        Rendered last = rendered.get();
        byte[] body;
        if (last != null && last.version() == version) {
            body = last.body();
        } else {
            body = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document());
            if (changes.get() == version) {
                rendered.set(new Rendered(version, body));
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getOutputStream().write(body);
    }
}
