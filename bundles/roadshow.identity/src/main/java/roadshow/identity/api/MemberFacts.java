package roadshow.identity.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What another bundle knows of an organisation's people, added to each member of
 * {@code GET /api/v1/orgs/{org}/members} under {@link #name()}: learning's progress, say, or
 * certification's certifications. Register one as a service; the members endpoint asks
 * every one registered, for a page of people at a time, and only for someone allowed to
 * see them.
 */
@ConsumerType
public interface MemberFacts {

    /** The member field the facts go under, such as {@code progress}. */
    String name();

    /**
     * @param personIds the people of one page
     * @return the facts of each, by person id, as JSON-serializable values; a person missing
     *         from the map gets none
     */
    Map<String, Object> of(List<String> personIds);
}
