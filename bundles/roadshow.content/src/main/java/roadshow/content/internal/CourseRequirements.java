package roadshow.content.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;

import roadshow.content.api.ContentProblem;

/**
 * Explains why a content bundle stays unresolved, in the terms of its courses: which
 * {@code roadshow.course} requirement no resolved bundle satisfies.
 */
final class CourseRequirements {

    private static final int RESOLVED_STATES = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private CourseRequirements() {
    }

    /** One problem per unsatisfied course requirement; one general problem when every course is there. */
    static List<ContentProblem> explain(Bundle bundle, Bundle[] installed) {
        List<ContentProblem> problems = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<BundleRequirement> requirements = revision == null ? List.of()
                : revision.getDeclaredRequirements(BundleManifest.COURSE_NAMESPACE);
        for (BundleRequirement requirement : requirements) {
            if (Namespace.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String filterText = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            Filter filter;
            try {
                filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
            } catch (InvalidSyntaxException e) {
                problems.add(problem(Rule.MANIFEST_CAPABILITY, "the roadshow.course requirement's filter " + filterText
                        + " is malformed: " + e.getMessage()));
                continue;
            }
            String unsatisfied = unsatisfied(bundle, filter, installed);
            if (unsatisfied != null) {
                String courses = filterText == null ? "a course" : String.join(" and ", BundleManifest.requiredCourses(filterText));
                problems.add(problem(Rule.REQUIREMENT_UNSATISFIED, "requires course "
                        + (courses.isEmpty() ? filterText : courses) + ", " + unsatisfied));
            }
        }
        if (problems.isEmpty()) {
            problems.add(problem(Rule.BUNDLE_UNRESOLVED, "the bundle is installed but not resolved; every course it requires "
                    + "is available, so the framework resolves it when it is started, unless another requirement is missing"));
        }
        return problems;
    }

    /** Why no bundle satisfies the requirement, or {@code null} when a resolved one does. */
    private static String unsatisfied(Bundle bundle, Filter filter, Bundle[] installed) {
        Bundle unresolvedProvider = null;
        for (Bundle other : installed) {
            BundleRevision revision = other.getBundleId() == bundle.getBundleId() ? null : other.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(BundleManifest.COURSE_NAMESPACE)) {
                if (filter == null || filter.matches(capability.getAttributes())) {
                    if ((other.getState() & RESOLVED_STATES) != 0) {
                        return null;
                    }
                    unresolvedProvider = other;
                }
            }
        }
        return unresolvedProvider == null ? "which no installed bundle provides"
                : "which " + unresolvedProvider.getSymbolicName() + " " + unresolvedProvider.getVersion()
                        + " provides, but that bundle is not resolved itself";
    }

    private static ContentProblem problem(Rule rule, String message) {
        return new ContentProblem(BundleManifest.FILE, null, rule.id(), message);
    }
}
