package roadshow.certification.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Learners' certifications. A certification is issued as soon as a learner meets a track
 * served now (its courses, electives and exam), renewed by passing the track's renewal quiz
 * in its renewal window, and kept after it expired or was revoked.
 */
@ProviderType
public interface Certifications {

    /** Every certification the person has held, newest first; issues any they have earned since last asked. */
    List<Certification> of(String personId);

    /** The certifications of these people, newest first, without looking for new ones. */
    List<Certification> held(Collection<String> personIds);

    /** The certification with this verification code. */
    Optional<Certification> byCode(String code);

    /** The person's standing on every track served now, by vendor then title. */
    List<TrackProgress> tracks(String personId);

    /** The person's standing on one track served now. */
    Optional<TrackProgress> track(String personId, String trackGlobalId);

    /**
     * Looks again at whether the person meets the tracks served now, and at renewals,
     * issuing or renewing what they have earned; what happens when a learner completes a
     * course or passes a quiz.
     *
     * @return the certifications issued or renewed
     */
    List<Certification> evaluate(String personId);

    /**
     * Revokes a certification: it no longer counts toward any tier and its verification says
     * so. Revoking it again changes nothing.
     *
     * @param actorId who revokes it, for the audit log
     * @return the certification as revoked, or empty when there is no such certification
     */
    Optional<Certification> revoke(String certificationId, String reason, String actorId);
}
