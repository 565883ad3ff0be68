package roadshow.directory.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.ApiToken;
import roadshow.identity.api.ApiTokens;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Pages;

/**
 * API tokens for integrations, for platform admins at {@code /admin/tokens}: every token
 * with its scope and use, issuing one for an organisation or a vendor (its secret shown
 * that once), and revoking one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(TokensPage.PATH)
public class TokensPage extends HttpServlet {

    static final String PATH = "/admin/tokens";
    private static final long serialVersionUID = 1L;

    /** A token in the list, with the names of its scope and issuer. */
    public record TokenRow(String id, String name, String scopeKind, String scopeName, String scopeHref, String issuedBy, When issuedAt,
            When lastUsedAt, When revokedAt, boolean active) {
    }

    /** A token just issued, with the only copy of its secret there will ever be. */
    public record Issued(String name, String scope, String secret) {
    }

    private final transient Authorization authorization;
    private final transient ApiTokens tokens;
    private final transient Organisations organisations;
    private final transient Vendors vendors;
    private final transient People people;
    private final transient AuditLog audit;
    private final transient Pages pages;

    @Activate
    public TokensPage(@Reference Authorization authorization, @Reference ApiTokens tokens, @Reference Organisations organisations,
            @Reference Vendors vendors, @Reference People people, @Reference AuditLog audit, @Reference Pages pages) {
        this.authorization = authorization;
        this.tokens = tokens;
        this.organisations = organisations;
        this.vendors = vendors;
        this.people = people;
        this.audit = audit;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response).isPresent()) {
            Map<String, Object> model = new HashMap<>();
            if ("revoked".equals(request.getParameter("done"))) {
                model.put("done", "The token is revoked: it opens nothing from now on.");
            }
            show(request, response, 200, model);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<Subject> subject = Gate.admit(authorization, Permission.MANAGE, Target.platform(), request, response);
        if (subject.isEmpty()) {
            return;
        }
        switch (View.field(request, "action")) {
            case "issue" -> issue(request, response, subject.get());
            case "revoke" -> revoke(request, response, subject.get());
            default -> response.sendError(400);
        }
    }

    private void issue(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        String name = View.field(request, "name");
        String scopeValue = View.field(request, "scope");
        Optional<TokenScope> scope = TokenScope.parse(scopeValue);
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("scope", scopeValue);
        if (scope.isEmpty()) {
            model.put("errors", Map.of("scope", "Choose the one organisation or the one vendor the token is for."));
            show(request, response, 422, model);
            return;
        }
        ApiTokens.Issued issued;
        try {
            issued = tokens.issue(name, scope.get().org(), scope.get().vendor(), subject.personId());
        } catch (IdentityException e) {
            model.put("errors", Map.of("name".equals(e.field()) ? "name" : "scope", e.getMessage()));
            show(request, response, 422, model);
            return;
        }
        Names names = names();
        String scopeName = scopeName(issued.token(), names);
        Changes.record(audit, subject, request, "token.issue", "token", issued.token().id(),
                "Issued the token " + issued.token().name() + " (" + issued.token().id() + ") for " + scopeName + ".");
        // The secret goes out in the answer to this POST and nowhere else: not into a URL to
        // redirect to, where history and logs would keep it.
        model.put("issued", new Issued(issued.token().name(), scopeName, issued.secret()));
        model.put("name", "");
        model.put("scope", "");
        show(request, response, 200, model);
    }

    private void revoke(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        Optional<ApiToken> token = tokens.find(View.field(request, "token"));
        if (token.isEmpty()) {
            response.sendError(404);
            return;
        }
        if (token.get().active()) {
            tokens.revoke(token.get().id());
            Changes.record(audit, subject, request, "token.revoke", "token", token.get().id(), "Revoked the token "
                    + token.get().name() + " (" + token.get().id() + ") for " + scopeName(token.get(), names()) + ".");
        }
        View.seeOther(response, PATH + "?done=revoked");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> model)
            throws IOException {
        Names names = names();
        List<TokenRow> rows = tokens.list().stream().map(t -> new TokenRow(t.id(), t.name(),
                t.org() != null ? "organisation" : "vendor", t.org() != null ? names.org(t.org()) : names.vendor(t.vendor()),
                t.org() != null ? OrganisationPage.PATH + t.org() : VendorsPage.PATH + "#vendor-" + t.vendor(),
                names.person(t.issuedBy()), When.of(t.issuedAt()), When.of(t.lastUsedAt()), When.of(t.revokedAt()), t.active()))
                .toList();
        String chosen = (String) model.getOrDefault("scope", "");
        model.put("tokens", rows);
        model.put("scopeOrgs", names.allOrganisations().stream()
                .map(o -> choice(TokenScope.org(o.id()), PeoplePages.label(o), chosen)).toList());
        model.put("scopeVendors", vendors.list().stream()
                .map(v -> choice(TokenScope.vendor(v.id()), PeoplePages.label(v), chosen)).toList());
        model.putIfAbsent("name", "");
        model.putIfAbsent("scope", "");
        model.putIfAbsent("errors", Map.of());
        View.render(pages, request, response, status, "tokens.ftlh", model);
    }

    private static Choice choice(TokenScope scope, String label, String chosen) {
        return new Choice(scope.value(), label, scope.value().equals(chosen));
    }

    private static String scopeName(ApiToken token, Names names) {
        return token.org() != null ? "the organisation " + names.org(token.org()) : "the vendor " + names.vendor(token.vendor());
    }

    private Names names() {
        return new Names(organisations, vendors, people);
    }
}
