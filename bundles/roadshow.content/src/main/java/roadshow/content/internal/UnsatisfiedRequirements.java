package roadshow.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
 * Explains why a content bundle stays unresolved, in the terms of its content: which
 * course it requires ({@code roadshow.course}) or which question type
 * ({@code roadshow.question.type}) no resolved bundle provides.
 */
final class UnsatisfiedRequirements {

    private static final int RESOLVED_STATES = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    /**
     * A namespace a content bundle requires things in.
     *
     * @param what    what the things are called, as in "requires course example/intro"
     * @param named   the things a requirement's filter names
     * @param missing what to do when no bundle provides one, to end the explanation with
     */
    private record Required(String namespace, String what, Function<String, List<String>> named, String missing) {
    }

    private static final List<Required> REQUIRED = List.of(
            new Required(BundleManifest.COURSE_NAMESPACE, "course", BundleManifest::requiredCourses, ""),
            new Required(BundleManifest.QUESTION_TYPE_NAMESPACE, "question type", BundleManifest::requiredQuestionTypes,
                    ": a platform operator adds it by installing the code bundle that provides it"));

    private UnsatisfiedRequirements() {
    }

    /** One problem per unsatisfied requirement; one general problem when everything required is there. */
    static List<ContentProblem> explain(Bundle bundle, Bundle[] installed) {
        List<ContentProblem> problems = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        for (Required required : REQUIRED) {
            List<BundleRequirement> requirements = revision == null ? List.of()
                    : revision.getDeclaredRequirements(required.namespace());
            for (BundleRequirement requirement : requirements) {
                if (Namespace.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                    continue;
                }
                String filterText = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
                Filter filter;
                try {
                    filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
                } catch (InvalidSyntaxException e) {
                    problems.add(problem(Rule.MANIFEST_CAPABILITY, "the " + required.namespace() + " requirement's filter "
                            + filterText + " is malformed: " + e.getMessage()));
                    continue;
                }
                String unsatisfied = unsatisfied(bundle, required, filter, installed);
                if (unsatisfied != null) {
                    String named = filterText == null ? "" : String.join(" and ", required.named().apply(filterText));
                    problems.add(problem(Rule.REQUIREMENT_UNSATISFIED, "requires " + required.what() + " "
                            + (named.isEmpty() ? String.valueOf(filterText) : named) + ", " + unsatisfied));
                }
            }
        }
        if (problems.isEmpty()) {
            problems.add(problem(Rule.BUNDLE_UNRESOLVED, "the bundle is installed but not resolved; every course and question "
                    + "type it requires is available, so the framework resolves it when it is started, unless another "
                    + "requirement is missing"));
        }
        return problems;
    }

    /** Why no bundle satisfies the requirement, or {@code null} when a resolved one does. */
    private static String unsatisfied(Bundle bundle, Required required, Filter filter, Bundle[] installed) {
        Bundle unresolvedProvider = null;
        for (Bundle other : installed) {
            BundleRevision revision = other.getBundleId() == bundle.getBundleId() ? null : other.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(required.namespace())) {
                if (filter == null || filter.matches(capability.getAttributes())) {
                    if ((other.getState() & RESOLVED_STATES) != 0) {
                        return null;
                    }
                    unresolvedProvider = other;
                }
            }
        }
        return unresolvedProvider == null ? "which no installed bundle provides" + required.missing()
                : "which " + unresolvedProvider.getSymbolicName() + " " + unresolvedProvider.getVersion()
                        + " provides, but that bundle is not resolved itself";
    }

    private static ContentProblem problem(Rule rule, String message) {
        return new ContentProblem(BundleManifest.FILE, null, rule.id(), message);
    }
}
