package roadshow.catalog.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.Course;
import roadshow.web.api.LanguagePreference;
import roadshow.web.api.Pages;

/**
 * The catalog page at the site's root: search and filters by vendor, tag, language and
 * level, with every course that matches.
 */
@Designate(ocd = CatalogPage.Config.class)
@Component(service = Servlet.class)
// The default servlet: it answers the site's root, and sends every path nothing else
// serves to the error page, so that a mistyped URL gets Roadshow's 404 rather than Jetty's.
@HttpWhiteboardServletPattern("/")
public class CatalogPage extends HttpServlet {

    @ObjectClassDefinition(name = "Roadshow catalog page")
    public @interface Config {
        @AttributeDefinition(description = "Courses shown per page of the catalog.", min = "1", max = "500")
        int page_size() default 24;
    }

    private static final long serialVersionUID = 1L;

    private final transient CatalogService catalog;
    private final transient Pages pages;
    private volatile int pageSize;

    @Activate
    public CatalogPage(@Reference CatalogService catalog, @Reference Pages pages, Config config) {
        this.catalog = catalog;
        this.pages = pages;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        this.pageSize = Math.max(1, config.page_size());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        if (!"/".equals(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CatalogQuery query = new CatalogQuery(request.getParameter("q"), request.getParameter("vendor"),
                request.getParameter("tag"), request.getParameter("language"), request.getParameter("level"));
        CatalogIndex index = catalog.index();
        LanguagePreference preference = LanguagePreference.of(request);
        int page = pageNumber(request.getParameter("page"));
        // The page depends on nothing else: the same catalog, search, page and languages give the same bytes.
        List<Object> key = List.of(index, query, page, pageSize, preference);
        pages.renderShared(request, response, key, "catalog.ftlh", () -> model(request, index, query, page, preference));
    }

    private Map<String, ?> model(HttpServletRequest request, CatalogIndex index, CatalogQuery query, int pageAsked,
            LanguagePreference preference) {
        List<Map<String, Object>> courses = new ArrayList<>();
        for (CatalogCourse listing : index.search(query)) {
            LocalizedCourse localized = LocalizedCourse.of(listing, preference);
            courses.add(card(localized));
        }
        courses.sort((a, b) -> ((String) a.get("title")).compareToIgnoreCase((String) b.get("title")));
        int pageCount = Math.max(1, (courses.size() + pageSize - 1) / pageSize);
        int page = Math.min(pageAsked, pageCount);
        int from = (page - 1) * pageSize;
        List<Map<String, Object>> shown = courses.subList(Math.min(from, courses.size()),
                Math.min(from + pageSize, courses.size()));

        CatalogIndex.Facets facets = index.facets();
        List<String> uiLanguages = new ArrayList<>(facets.languages().keySet());
        String pageLanguage = preference.best(uiLanguages, "en");

        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("text", java.util.Objects.toString(query.text(), ""));
        criteria.put("vendor", java.util.Objects.toString(query.vendor(), ""));
        criteria.put("tag", java.util.Objects.toString(query.tag(), ""));
        criteria.put("language", java.util.Objects.toString(query.language(), ""));
        criteria.put("level", java.util.Objects.toString(query.level(), ""));
        model.put("query", criteria);
        model.put("filtered", !query.isEmpty());
        model.put("courses", shown);
        model.put("matches", courses.size());
        model.put("page", page);
        model.put("pageCount", pageCount);
        model.put("firstShown", shown.isEmpty() ? 0 : from + 1);
        model.put("lastShown", from + shown.size());
        model.put("pageLink", pageLink(request));
        model.put("total", index.courses().size());
        model.put("vendors", facets.vendors());
        model.put("tags", facets.tags());
        model.put("languageFacet", languageFacet(facets.languages()));
        model.put("levels", facets.levels());
        model.put("locale", pageLanguage);
        model.put("languages", Views.languageSwitch(request, uiLanguages, pageLanguage));
        return model;
    }

    /** The page asked for; anything that is not a positive number is the first page. */
    private static int pageNumber(String parameter) {
        try {
            return parameter == null ? 1 : Math.max(1, Integer.parseInt(parameter));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** This search's URL without its page, to which a page number is appended. */
    private static String pageLink(HttpServletRequest request) {
        StringBuilder link = new StringBuilder("/?");
        for (String name : List.of("q", "vendor", "tag", "language", "level")) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                link.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return link.append("page=").toString();
    }

    private static Map<String, Object> card(LocalizedCourse localized) {
        Course course = localized.course();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("href", CoursePaths.courseUrl(course));
        card.put("title", localized.title());
        card.put("summary", java.util.Objects.toString(localized.summary(), ""));
        card.put("vendor", course.vendor());
        card.put("language", localized.language());
        card.put("duration", Views.duration(course.duration()));
        card.put("level", course.level() == null ? "" : course.level().id());
        card.put("tags", course.tags());
        card.put("lessons", course.lessons().size());
        return card;
    }

    private static List<Map<String, Object>> languageFacet(Map<String, Integer> counts) {
        List<Map<String, Object>> languages = new ArrayList<>();
        counts.forEach((tag, count) -> languages.add(Map.of("tag", tag, "name", Views.languageName(tag), "count", count)));
        return languages;
    }
}
