package roadshow.directory.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.ApiToken;
import roadshow.identity.api.ApiTokens;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Person;
import roadshow.identity.api.Target;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Pages;

/**
 * The platform admin's start page at {@code /admin}: how many people, organisations,
 * vendors and live tokens there are, and the way to each admin page, the directory's and
 * the other bundles' alike.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin")
public class AdminHome extends HttpServlet {

    /** What the dashboard counts before it says "more than": counting is paging through everything. */
    static final int COUNT_UP_TO = 10_000;
    private static final int BATCH = 500;
    private static final long serialVersionUID = 1L;

    /** One tile of the dashboard; {@code count} is already a phrase ("1,204 people"), or null for none. */
    public record Tile(String title, String href, String count, String text) {
    }

    private final transient Authorization authorization;
    private final transient People people;
    private final transient Organisations organisations;
    private final transient Vendors vendors;
    private final transient ApiTokens tokens;
    private final transient Pages pages;

    @Activate
    public AdminHome(@Reference Authorization authorization, @Reference People people, @Reference Organisations organisations,
            @Reference Vendors vendors, @Reference ApiTokens tokens, @Reference Pages pages) {
        this.authorization = authorization;
        this.people = people;
        this.organisations = organisations;
        this.vendors = vendors;
        this.tokens = tokens;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response).isEmpty()) {
            return;
        }
        String peopleCount = count((after, limit) -> people.list(null, after, limit), Person::id);
        String orgCount = count(organisations::list, Organisation::id);
        List<ApiToken> all = tokens.list();
        long live = all.stream().filter(ApiToken::active).count();
        List<Tile> tiles = List.of(
                new Tile("People", "/admin/people", phrase(peopleCount, "person", "people"),
                        "Accounts, the organisations they belong to, and their roles."),
                new Tile("Organisations", "/admin/orgs", phrase(orgCount, "organisation", "organisations"),
                        "Partner organisations, their e-mail domains, people and admins."),
                new Tile("Vendors", "/admin/vendors", phrase(number(vendors.list().size()), "vendor", "vendors"),
                        "Vendors that publish curriculum, and their authors."),
                new Tile("API tokens", "/admin/tokens", phrase(number(live), "token in use", "tokens in use"),
                        "Tokens for integrations, each for one organisation or vendor; " + number(all.size() - live) + " revoked."),
                new Tile("Content bundles", "/admin/bundles", null, "What is serving, and why a bundle was refused."),
                new Tile("Audit log", "/admin/audit", null, "Who did what, and when."));
        View.render(pages, request, response, 200, "admin.ftlh", Map.of("tiles", tiles));
    }

    /** How many items paging through {@code page} finds, as text; past {@link #COUNT_UP_TO}, that number and a plus. */
    static <T> String count(BiFunction<String, Integer, List<T>> page, Function<T, String> key) {
        int count = 0;
        String after = null;
        List<T> batch;
        do {
            batch = page.apply(after, BATCH);
            count += batch.size();
            if (!batch.isEmpty()) {
                after = key.apply(batch.get(batch.size() - 1));
            }
        } while (batch.size() == BATCH && count < COUNT_UP_TO);
        return count >= COUNT_UP_TO ? number(COUNT_UP_TO) + "+" : number(count);
    }

    /** "1 person", "12 people", "10,000+ people". */
    static String phrase(String count, String one, String many) {
        return count + " " + ("1".equals(count) ? one : many);
    }

    static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
