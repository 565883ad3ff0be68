package roadshow.certification.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A certification a learner earned on a track. It is issued the moment the learner meets
 * the track, expires at {@code expiresAt} unless renewed, and stays in the learner's history
 * after it expired or was revoked; meeting the track again after expiry issues a new one.
 *
 * @param id            the certification's id
 * @param code          its verification code: random, unguessable, and what its public
 *                      verification page and certificate name it by
 * @param personId      who holds it
 * @param track         the track, as {@code vendor/track}
 * @param vendor        the track's vendor id
 * @param trackTitle    the track's title when it was issued
 * @param trackVersion  the version of the track's content bundle it was earned on
 * @param issuedAt      when it was issued
 * @param expiresAt     when it expires, or {@code null} when the track sets no {@code validFor}
 * @param renewals      how many times it was renewed
 * @param revokedAt     when an admin revoked it, or {@code null}
 * @param revokedReason why, as the admin wrote it, or {@code null}
 * @param status        what it is now
 */
public record Certification(String id, String code, String personId, String track, String vendor, String trackTitle,
        String trackVersion, Instant issuedAt, Instant expiresAt, int renewals, Instant revokedAt, String revokedReason,
        Status status) {

    /** What a certification is at a moment; in JSON {@code current}, {@code expired}, {@code revoked}. */
    public enum Status {
        /** Issued, not expired, not revoked: it counts toward partner tiers. */
        @JsonProperty("current")
        CURRENT,
        /** Its expiry has passed without a renewal. */
        @JsonProperty("expired")
        EXPIRED,
        /** An admin revoked it. */
        @JsonProperty("revoked")
        REVOKED
    }

    /** Whether it counts now: current, and not revoked. */
    public boolean current() {
        return status == Status.CURRENT;
    }
}
