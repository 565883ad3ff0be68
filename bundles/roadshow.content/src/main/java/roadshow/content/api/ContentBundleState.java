package roadshow.content.api;

import java.time.Instant;
import java.util.List;

/**
 * What the extender knows of one bundle with a {@code Roadshow-Content} header,
 * accepted or not: for the admin's bundle page and {@code GET /api/v1/bundles}.
 *
 * @param bundleId     the framework's bundle id
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param vendor       the {@code Roadshow-Vendor} header, or {@code null} when missing
 * @param state        where the bundle stands
 * @param courses      global ids of the courses it serves (empty unless active)
 * @param problems     why it was refused or is unresolved (empty when active)
 * @param since        when it entered this state
 */
public record ContentBundleState(
        long bundleId,
        String symbolicName,
        String version,
        String vendor,
        State state,
        List<String> courses,
        List<ContentProblem> problems,
        Instant since) {

    public ContentBundleState {
        courses = List.copyOf(courses);
        problems = List.copyOf(problems);
    }

    /** Where a content bundle stands. */
    public enum State {
        /**
         * Installed but not resolved, typically for a missing {@code roadshow.course} or
         * {@code roadshow.question.type} capability.
         */
        UNRESOLVED,
        /** Valid and serving its content. */
        ACTIVE,
        /** Broke the content format; nothing of it is served. */
        REFUSED
    }
}
