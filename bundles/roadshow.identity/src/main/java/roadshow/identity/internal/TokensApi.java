package roadshow.identity.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Access;
import roadshow.identity.api.ApiTokens;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.web.api.JsonBody;
import roadshow.web.api.RequestPath;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Page;

/**
 * {@code /api/v1/tokens}: platform admins issue integration tokens scoped to one
 * organisation or vendor (the secret is in the answer to {@code POST} and nowhere else),
 * list them with their last use, and revoke them with {@code DELETE /api/v1/tokens/{id}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/tokens", "/api/v1/tokens/*"})
public class TokensApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ApiTokens tokens;
    private final transient Authorization authorization;
    private final transient AuditLog audit;

    @Activate
    public TokensApi(@Reference ApiTokens tokens, @Reference Authorization authorization, @Reference AuditLog audit) {
        this.tokens = tokens;
        this.authorization = authorization;
        this.audit = audit;
    }

    private boolean allowed(Subject subject, HttpServletResponse response) throws IOException {
        Access access = authorization.access(subject, Permission.MANAGE, Target.platform());
        if (!access.allowed()) {
            Endpoints.refuse(response, access);
        }
        return access.allowed();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        if (!allowed(subject, response)) {
            return;
        }
        List<String> path = RequestPath.segments(request);
        if (path.size() == 1) {
            var token = tokens.find(path.get(0));
            if (token.isEmpty()) {
                Endpoints.refuse(response, Access.NOT_FOUND);
                return;
            }
            Json.send(response, TokenJson.of(token.get()));
            return;
        }
        Json.send(response, new Page<>(tokens.list().stream().map(TokenJson::of).toList(), null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        if (!allowed(subject, response)) {
            return;
        }
        try {
            JsonNode body = JsonBody.object(request, response);
            ApiTokens.Issued issued = tokens.issue(Endpoints.required(body, "name", response), Endpoints.text(body, "org", response),
                    Endpoints.text(body, "vendor", response), subject.actorId());
            audit.record(AuditEvent.of(subject.actorId(), subject.name(), "token.issue", "token", issued.token().id(),
                    "Token '" + issued.token().name() + "' was issued for " + scope(issued) + ".", request.getRemoteAddr()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", issued.token().id());
            answer.put("token", issued.secret());
            answer.put("name", issued.token().name());
            answer.put("org", issued.token().org());
            answer.put("vendor", issued.token().vendor());
            answer.put("issuedAt", issued.token().issuedAt());
            response.setHeader("Cache-Control", "no-store");
            Json.send(response, 201, answer);
        } catch (Answered answered) {
            // answered
        } catch (IdentityException e) {
            Endpoints.refuse(response, e);
        }
    }

    private static String scope(ApiTokens.Issued issued) {
        return issued.token().org() != null ? "organisation " + issued.token().org() : "vendor " + issued.token().vendor();
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        if (!allowed(subject, response)) {
            return;
        }
        List<String> path = RequestPath.segments(request);
        if (path.size() != 1) {
            Endpoints.refuse(response, Access.NOT_FOUND);
            return;
        }
        try {
            tokens.revoke(path.get(0));
            audit.record(AuditEvent.of(subject.actorId(), subject.name(), "token.revoke", "token", path.get(0),
                    "Token " + path.get(0) + " was revoked.", request.getRemoteAddr()));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (IdentityException e) {
            Endpoints.refuse(response, e);
        }
    }
}
