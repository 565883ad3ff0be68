package roadshow.publishing.internal;

import java.util.List;

import roadshow.content.api.ContentBundleState;
import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;

/**
 * Which content bundles a subject may see: a platform admin all of them, a vendor author
 * (or vendor-scoped token) those of their own vendors, asked of {@link Authorization} per
 * vendor; anyone else none.
 */
record BundleVisibility(Access access, List<ContentBundleState> bundles) {

    static BundleVisibility of(Subject subject, Authorization authorization, List<ContentBundleState> all) {
        if (subject == null) {
            return new BundleVisibility(Access.UNAUTHENTICATED, List.of());
        }
        if (subject.isAdmin()) {
            return new BundleVisibility(Access.ALLOWED, all);
        }
        if (subject.authorAt().isEmpty()) {
            return new BundleVisibility(Access.FORBIDDEN, List.of());
        }
        return new BundleVisibility(Access.ALLOWED, all.stream().filter(b -> b.vendor() != null
                && authorization.access(subject, Permission.MANAGE, Target.vendor(b.vendor())).allowed()).toList());
    }
}
