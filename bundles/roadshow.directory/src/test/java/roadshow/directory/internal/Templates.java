package roadshow.directory.internal;

import java.net.URL;
import java.util.Locale;

import freemarker.cache.URLTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;

/** The pages' templates as roadshow.web's FreemarkerPages loads them: the shared layout under {@code web/}, this bundle's at the root. */
final class Templates {

    private Templates() {
    }

    static Configuration freemarker() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new URLTemplateLoader() {
            @Override
            protected URL getURL(String name) {
                String file = name.startsWith("web/") ? name.substring("web/".length()) : name;
                return Templates.class.getClassLoader().getResource("templates/" + file);
            }
        });
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setURLEscapingCharset("UTF-8");
        configuration.setLocale(Locale.ENGLISH);
        configuration.setLocalizedLookup(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNumberFormat("computer");
        return configuration;
    }
}
