package roadshow.certification.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.Permission;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.identity.api.Vendor;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Answered;
import roadshow.web.api.Problem;

/** Who holds and who may act on certifications, as the endpoints and pages show and check it. */
@Component(service = Holders.class)
public class Holders {

    private final People people;
    private final Vendors vendors;
    private final Authorization authorization;

    @Activate
    public Holders(@Reference People people, @Reference Vendors vendors, @Reference Authorization authorization) {
        this.people = people;
        this.vendors = vendors;
        this.authorization = authorization;
    }

    /** A holder's name as their certificate shows it; "a former member" for an account gone. */
    String name(String personId) {
        return people.find(personId).map(Person::name).orElse("a former member");
    }

    String vendorName(String vendor) {
        return vendors.find(vendor).map(Vendor::name).orElse(vendor);
    }

    /** The platform admin making the request; otherwise the refusal is answered and {@link Answered} thrown. */
    Subject admin(HttpServletRequest request, HttpServletResponse response) throws IOException, Answered {
        Subject subject = Subject.of(request).orElse(null);
        Access access = authorization.access(subject, Permission.MANAGE, Target.platform());
        if (!access.allowed()) {
            Problem.of(access.status(), access == Access.UNAUTHENTICATED ? "Unauthorized" : "Forbidden",
                    "Only a platform admin revokes a certification.").send(response);
            throw new Answered();
        }
        return subject;
    }

    /**
     * Whether the subject may see the organisation's people's certifications and its tiers:
     * its admins (and those of the organisations above it), and platform admins. A member
     * who is not an admin may not (403): colleagues' certifications are not theirs to see.
     */
    Access orgAdminAccess(Subject subject, String org) {
        return authorization.access(subject, Permission.MANAGE, Target.org(org));
    }

    /** Whether the subject may see what the vendor sees: its authors, and platform admins. */
    Access vendorAccess(Subject subject, String vendor) {
        return authorization.access(subject, Permission.VIEW, Target.vendor(vendor));
    }
}
