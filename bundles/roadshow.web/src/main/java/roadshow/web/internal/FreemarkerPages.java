package roadshow.web.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.web.api.Pages;
import roadshow.web.api.Viewer;

/**
 * {@link Pages} for one using bundle: a FreeMarker configuration that finds that bundle's
 * templates first and the web bundle's shared layout under {@code web/}.
 */
@Component(service = Pages.class, scope = ServiceScope.BUNDLE)
public class FreemarkerPages implements Pages {

    static final String LAYOUT_PREFIX = "web/";
    private static final String HTML = "text/html;charset=UTF-8";
    private static final int RENDER_BUFFER_CHARS = 16 * 1024;
    /** Pages kept per using bundle; a page is a few kilobytes. */
    private static final int SHARED_PAGES = 512;

    /** The model entry that makes the layout leave a marker where the viewer's part of the header goes. */
    private static final String VIEWER_SLOT = "viewerSlot";
    private static final String VIEWER_MARKER = "<!--roadshow:viewer-->";
    private static final byte[] VIEWER_MARKER_BYTES = VIEWER_MARKER.getBytes(StandardCharsets.UTF_8);
    private static final Object NO_VIEWER = new Object();
    /** Distinct viewers' header parts kept: every signed-in person has their own (their CSRF token is in it). */
    private static final int VIEWERS = 1024;

    private final Configuration freemarker;
    private final Map<Object, ViewerFragment> viewers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, ViewerFragment> eldest) {
            return size() > VIEWERS;
        }
    });
    /** Least recently used shared pages, by the key their feature gave. */
    private final Map<Object, SharedPage> shared = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, SharedPage> eldest) {
            return size() > SHARED_PAGES;
        }
    });

    @Activate
    public FreemarkerPages(ComponentContext context) {
        Bundle owner = context.getUsingBundle();
        Bundle web = context.getBundleContext().getBundle();
        freemarker = configuration(new MultiTemplateLoader(new TemplateLoader[] {
            new BundleTemplateLoader(web, "templates", LAYOUT_PREFIX),
            new BundleTemplateLoader(owner, "templates", "")
        }));
    }

    static Configuration configuration(TemplateLoader loader) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(loader);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setURLEscapingCharset("UTF-8");
        configuration.setLocale(Locale.ENGLISH);
        configuration.setLocalizedLookup(false);
        configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        // Plain digits: no locale lookup per number, and safe in URLs and attributes.
        configuration.setNumberFormat("computer");
        return configuration;
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, ?> model) throws IOException {
        byte[] body = html(template, model, request);
        // A page showing who is signed in is theirs alone; a page that said no-store already keeps that.
        if (Viewer.of(request).filter(Viewer::signedIn).isPresent() && !response.containsHeader("Cache-Control")) {
            response.setHeader("Cache-Control", "private, no-cache");
        }
        response.setStatus(status);
        response.setContentType(HTML);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public void renderShared(HttpServletRequest request, HttpServletResponse response, Object key, String template,
            Supplier<Map<String, ?>> model) throws IOException {
        SharedPage page = shared.get(key);
        if (page == null) {
            Map<String, Object> data = new HashMap<>(model.get());
            // The page is kept for everyone, so the header part that depends on who looks is
            // left as a marker here and rendered for each request into the kept bytes.
            data.put(VIEWER_SLOT, VIEWER_MARKER);
            page = SharedPage.of(html(template, data, null), VIEWER_MARKER_BYTES);
            shared.put(key, page);
        }
        ViewerFragment viewer = viewerFragment(Viewer.of(request).orElse(null));
        String etag = page.etag(viewer);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", viewer.personal() ? "private, no-cache" : "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(HTML);
        response.setContentLength(page.before().length + viewer.html().length + page.after().length);
        var out = response.getOutputStream();
        out.write(page.before());
        out.write(viewer.html());
        out.write(page.after());
    }

    /** The header part for {@code viewer}, rendered once per distinct viewer and kept a while. */
    private ViewerFragment viewerFragment(Viewer viewer) throws IOException {
        Object key = viewer == null ? NO_VIEWER : viewer;
        ViewerFragment fragment = viewers.get(key);
        if (fragment == null) {
            Map<String, Object> data = new HashMap<>();
            if (viewer != null) {
                data.put("viewer", viewer);
            }
            fragment = ViewerFragment.of(html(LAYOUT_PREFIX + "viewer.ftlh", data, null), viewer != null && viewer.signedIn());
            viewers.put(key, fragment);
        }
        return fragment;
    }

    private byte[] html(String template, Map<String, ?> model, HttpServletRequest request) throws IOException {
        Map<String, Object> data = new HashMap<>(model);
        data.putIfAbsent("locale", "en");
        if (request != null) {
            Viewer.of(request).ifPresent(viewer -> data.putIfAbsent("viewer", viewer));
        }
        Template page = freemarker.getTemplate(template);
        // Rendered whole before anything is sent: a template error becomes a clean error
        // page rather than half a page, and the page goes out in one write with its length
        // (FreeMarker writes many small pieces, each costly through the servlet writer).
        StringWriter html = new StringWriter(RENDER_BUFFER_CHARS);
        try {
            page.process(data, html);
        } catch (TemplateException e) {
            throw new IOException("Template " + template + " failed: " + e.getMessage(), e);
        }
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A rendered page, cut where the viewer's part of the header goes, and a digest of its
     * bytes, so that equal pages revalidate alike.
     */
    private record SharedPage(byte[] before, byte[] after, String digest) {
        static SharedPage of(byte[] body, byte[] marker) {
            int at = indexOf(body, marker);
            byte[] before = at < 0 ? body : Arrays.copyOfRange(body, 0, at);
            byte[] after = at < 0 ? new byte[0] : Arrays.copyOfRange(body, at + marker.length, body.length);
            return new SharedPage(before, after, FreemarkerPages.digest(body));
        }

        String etag(ViewerFragment viewer) {
            return "\"" + digest + "-" + viewer.digest() + "\"";
        }
    }

    /** The viewer's part of a header, and whether it shows someone signed in. */
    private record ViewerFragment(byte[] html, String digest, boolean personal) {
        static ViewerFragment of(byte[] html, boolean personal) {
            return new ViewerFragment(html, FreemarkerPages.digest(html), personal);
        }
    }

    private static String digest(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return Long.toHexString(crc.getValue()) + Integer.toHexString(bytes.length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
