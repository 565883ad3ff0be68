package roadshow.learning.api;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a learner completes a course: register one as a service. It is called once per
 * completion, after the completion is committed, on the thread that recorded it; it should
 * hand long work to a thread of its own. What it throws is logged and changes nothing.
 * A completion recorded while a listener was not registered is not told again: a listener
 * that must not miss one also looks at {@link Learning#completions} now and then.
 */
@ConsumerType
public interface CompletionListener {

    /**
     * @param personId the learner
     * @param course   the course, as {@code vendor/course}
     * @param version  the version of the course it was completed on
     * @param at       when
     */
    void completed(String personId, String course, String version, Instant at);
}
