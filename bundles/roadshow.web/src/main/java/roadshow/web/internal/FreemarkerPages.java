package roadshow.web.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

    private final Configuration freemarker;
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
        byte[] body = html(template, model);
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
            page = SharedPage.of(html(template, model.get()));
            shared.put(key, page);
        }
        response.setHeader("ETag", page.etag());
        response.setHeader("Cache-Control", "no-cache");
        if (page.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(HTML);
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    private byte[] html(String template, Map<String, ?> model) throws IOException {
        Map<String, Object> data = new HashMap<>(model);
        data.putIfAbsent("locale", "en");
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

    /** A rendered page and its entity tag: a digest of its bytes, so equal pages revalidate alike. */
    private record SharedPage(byte[] body, String etag) {
        static SharedPage of(byte[] body) {
            CRC32C crc = new CRC32C();
            crc.update(body);
            return new SharedPage(body, "\"" + Long.toHexString(crc.getValue()) + "-" + body.length + "\"");
        }
    }
}
