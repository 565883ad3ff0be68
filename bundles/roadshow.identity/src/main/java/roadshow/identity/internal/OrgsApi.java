package roadshow.identity.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.IdentityException;
import roadshow.identity.api.MemberFacts;
import roadshow.identity.api.Invitations;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Person;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.web.api.JsonBody;
import roadshow.web.api.RequestPath;
import roadshow.web.api.Answered;
import roadshow.web.api.Json;
import roadshow.web.api.Page;
import roadshow.web.api.Problem;

/**
 * {@code /api/v1/orgs}: partner organisations. Admins create them; an org admin sees and
 * manages their own and its children: {@code members}, {@code invitations} and
 * {@code claims} (bringing in everyone at the organisation's domains).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/orgs", "/api/v1/orgs/*"})
public class OrgsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Organisations organisations;
    private final transient People people;
    private final transient Invitations invitations;
    private final transient Authorization authorization;
    private final transient AuditLog audit;

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private final transient List<MemberFacts> memberFacts = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMemberFacts(MemberFacts facts) {
        memberFacts.add(facts);
    }

    void removeMemberFacts(MemberFacts facts) {
        memberFacts.remove(facts);
    }

    @Activate
    public OrgsApi(@Reference Organisations organisations, @Reference People people, @Reference Invitations invitations,
            @Reference Authorization authorization, @Reference AuditLog audit) {
        this.organisations = organisations;
        this.people = people;
        this.invitations = invitations;
        this.authorization = authorization;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        List<String> path = RequestPath.segments(request);
        if (subject == null) {
            Endpoints.refuse(response, Access.UNAUTHENTICATED);
            return;
        }
        Page.Request paging;
        try {
            paging = Page.Request.read(request, response);
        } catch (Answered answered) {
            return;
        }
        int limit = paging.limit();
        Optional<String> after = paging.after();
        if (path.isEmpty()) {
            List<Organisation> found;
            if (subject.isAdmin()) {
                found = organisations.list(after.orElse(null), limit + 1);
            } else {
                Set<String> visible = new TreeSet<>(authorization.managedOrgs(subject));
                if (subject.org() != null) {
                    visible.add(subject.org());
                }
                found = visible.stream().filter(id -> after.isEmpty() || id.compareTo(after.get()) > 0).limit(limit + 1L)
                        .map(organisations::find).flatMap(Optional::stream).toList();
            }
            Json.send(response, paging.page(found, Organisation::id));
            return;
        }
        String org = path.get(0);
        boolean members = path.size() == 2 && path.get(1).equals("members");
        if (path.size() > 2 || path.size() == 2 && !members) {
            Endpoints.refuse(response, Access.NOT_FOUND);
            return;
        }
        Access access = authorization.access(subject, members ? Permission.MANAGE : Permission.VIEW, Target.org(org));
        if (!access.allowed()) {
            Endpoints.refuse(response, access);
            return;
        }
        if (!members) {
            Json.send(response, organisations.find(org).orElseThrow());
            return;
        }
        // An org's admin answers for its child organisations' people too.
        List<Person> found = people.list(organisations.withDescendants(org), after.orElse(null), limit + 1);
        Page<Person> page = paging.page(found, Person::id);
        List<String> ids = page.items().stream().map(Person::id).toList();
        Map<String, Map<String, Object>> facts = new HashMap<>();
        for (MemberFacts source : memberFacts) {
            source.of(ids).forEach((person, value) -> facts.computeIfAbsent(person, p -> new LinkedHashMap<>()).put(source.name(), value));
        }
        Json.send(response, new Page<>(page.items().stream().map(p -> {
            Map<String, Object> member = Json.MAPPER.convertValue(PersonJson.of(p, people.roles(p.id())), MAP);
            member.putAll(facts.getOrDefault(p.id(), Map.of()));
            return member;
        }).toList(), page.next()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        List<String> path = RequestPath.segments(request);
        try {
            if (path.isEmpty()) {
                Access access = authorization.access(subject, Permission.MANAGE, Target.platform());
                if (!access.allowed()) {
                    Endpoints.refuse(response, access);
                    return;
                }
                JsonNode body = JsonBody.object(request, response);
                List<String> domains = new ArrayList<>();
                JsonNode given = body.get("domains");
                if (given != null && !given.isNull()) {
                    if (!given.isArray()) {
                        Problem.badRequest("'domains' must be an array of domain names.").send(response);
                        return;
                    }
                    given.forEach(d -> domains.add(d.asText()));
                }
                Organisation org = organisations.create(Endpoints.required(body, "id", response), Endpoints.required(body, "name", response),
                        Endpoints.text(body, "parent", response), domains);
                audit.record(AuditEvent.of(subject.actorId(), subject.name(), "org.create", "org", org.id(),
                        "Organisation " + org.name() + " was created" + (org.parent() == null ? "." : " under " + org.parent() + "."),
                        request.getRemoteAddr()));
                response.setHeader("Location", "/api/v1/orgs/" + org.id());
                Json.send(response, 201, org);
                return;
            }
            if (path.size() != 2 || !Set.of("invitations", "claims").contains(path.get(1))) {
                Endpoints.refuse(response, subject == null ? Access.UNAUTHENTICATED : Access.NOT_FOUND);
                return;
            }
            String org = path.get(0);
            Access access = authorization.access(subject, Permission.MANAGE, Target.org(org));
            if (!access.allowed()) {
                Endpoints.refuse(response, access);
                return;
            }
            if (path.get(1).equals("claims")) {
                int joined = organisations.claimMembers(org);
                audit.record(AuditEvent.of(subject.actorId(), subject.name(), "org.claim", "org", org,
                        joined + " people at the organisation's domains joined it.", request.getRemoteAddr()));
                Json.send(response, Map.of("joined", joined));
                return;
            }
            JsonNode body = JsonBody.object(request, response);
            String email = Endpoints.required(body, "email", response);
            Invitations.Invitation invitation = invitations.invite(org, email, subject.viaToken() ? subject.actorId() : subject.personId());
            audit.record(AuditEvent.of(subject.actorId(), subject.name(), "org.invite", "org", org,
                    invitation.email() + " was invited.", request.getRemoteAddr()));
            Json.send(response, 201, Map.of("id", invitation.id(), "org", org, "email", invitation.email(), "expiresAt",
                    invitation.expiresAt()));
        } catch (Answered answered) {
            // answered
        } catch (IdentityException e) {
            Endpoints.refuse(response, e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = Subject.of(request).orElse(null);
        List<String> path = RequestPath.segments(request);
        if (path.size() != 2 || !path.get(1).equals("domains")) {
            Endpoints.refuse(response, subject == null ? Access.UNAUTHENTICATED : Access.NOT_FOUND);
            return;
        }
        // Claiming a domain brings in everyone at it, so only a platform admin, who can check who owns it, sets them.
        Access access = authorization.access(subject, Permission.MANAGE, Target.platform());
        if (!access.allowed()) {
            Access org = authorization.access(subject, Permission.VIEW, Target.org(path.get(0)));
            Endpoints.refuse(response, org.allowed() ? access : org);
            return;
        }
        try {
            JsonNode body = JsonBody.object(request, response);
            JsonNode given = body.get("domains");
            if (given == null || !given.isArray()) {
                Problem.badRequest("'domains' must be an array of domain names.").send(response);
                return;
            }
            List<String> domains = new ArrayList<>();
            given.forEach(d -> domains.add(d.asText()));
            Organisation org = organisations.setDomains(path.get(0), domains);
            audit.record(AuditEvent.of(subject.actorId(), subject.name(), "org.domains", "org", org.id(),
                    "Domains set to " + org.domains() + ".", request.getRemoteAddr()));
            Json.send(response, org);
        } catch (Answered answered) {
            // answered
        } catch (IdentityException e) {
            Endpoints.refuse(response, e);
        }
    }
}
