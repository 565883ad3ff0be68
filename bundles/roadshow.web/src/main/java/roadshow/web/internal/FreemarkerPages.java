package roadshow.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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

    private final Configuration freemarker;

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
        return configuration;
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, ?> model) throws IOException {
        Map<String, Object> data = new HashMap<>(model);
        data.putIfAbsent("locale", "en");
        data.put("request", Map.of(
                "path", request.getRequestURI(),
                "query", request.getQueryString() == null ? "" : request.getQueryString()));
        Template page = freemarker.getTemplate(template);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        Writer out = response.getWriter();
        try {
            page.process(data, out);
        } catch (TemplateException e) {
            throw new IOException("Template " + template + " failed: " + e.getMessage(), e);
        }
    }
}
