package roadshow.identity.internal;

import java.util.ArrayList;
import java.util.List;

import roadshow.identity.api.Subject;
import roadshow.web.api.Viewer;

/** The account menu the shared layout shows: what this person may open, or log in and sign up. */
final class Menu {

    private Menu() {
    }

    static Viewer viewer(Subject subject, String csrfToken) {
        List<Viewer.Link> links = new ArrayList<>();
        links.add(new Viewer.Link("My learning", "/learning"));
        links.add(new Viewer.Link("My certifications", "/certifications"));
        if (subject.org() != null || !subject.adminOf().isEmpty()) {
            String org = !subject.adminOf().isEmpty() ? subject.adminOf().iterator().next() : subject.org();
            links.add(new Viewer.Link("My organisation", "/orgs/" + org));
        }
        if (!subject.authorAt().isEmpty() || subject.isAdmin()) {
            links.add(new Viewer.Link("Bundles", "/admin/bundles"));
        }
        if (subject.isAdmin()) {
            links.add(new Viewer.Link("Admin", "/admin"));
        }
        links.add(new Viewer.Link("My account", "/account"));
        return new Viewer(subject.name(), links, "/logout", csrfToken);
    }

    static Viewer visitor(boolean signupEnabled) {
        return new Viewer(null, signupEnabled ? List.of(new Viewer.Link("Log in", "/login"), new Viewer.Link("Sign up", "/signup"))
                : List.of(new Viewer.Link("Log in", "/login")), null, null);
    }
}
