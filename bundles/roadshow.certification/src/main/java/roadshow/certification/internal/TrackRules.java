package roadshow.certification.internal;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import roadshow.certification.api.Certification;
import roadshow.content.api.Track;

/**
 * When a track is met, when a certification expires, and when a renewal quiz renews it:
 * the rules alone, on the evidence given, at the moment given.
 */
final class TrackRules {

    private TrackRules() {
    }

    /** A quiz passed: the attempt, and when it was submitted. */
    record Pass(String attempt, Instant at) {
    }

    /**
     * What a learner has done: the courses completed (by global id, with when), and the
     * quizzes passed (by global id, each pass in the order submitted).
     */
    record Evidence(Map<String, Instant> completions, Map<String, List<Pass>> passes) {

        List<Pass> passes(String quiz) {
            return quiz == null ? List.of() : passes.getOrDefault(quiz, List.of());
        }
    }

    /** A renewal due: the pass that renews, and the new expiry. */
    record Renewal(Pass pass, Instant expiresAt) {
    }

    /**
     * When the track's courses were all done: its required courses, and as many electives as
     * it asks for (the earliest that many completed); {@code null} while they are not.
     */
    static Instant coursesDoneAt(Track track, Map<String, Instant> completions) {
        Instant done = Instant.MIN;
        for (String course : track.requiredCourses()) {
            Instant at = completions.get(course);
            if (at == null) {
                return null;
            }
            done = later(done, at);
        }
        if (track.electives() != null && track.electives().choose() > 0) {
            List<Instant> electives = track.electives().from().stream().map(completions::get).filter(at -> at != null)
                    .sorted().toList();
            if (electives.size() < track.electives().choose()) {
                return null;
            }
            done = later(done, electives.get(track.electives().choose() - 1));
        }
        return done;
    }

    /**
     * When the track was met, if it is. A first certification needs the courses done and
     * then the exam, if there is one, passed last. Once a certification on the track has
     * ended (expired or revoked) at {@code endedAt}, the courses still count but the proof
     * must be new: the exam passed again after the end, or for a track without an exam its
     * renewal quiz; a track with neither cannot be earned again.
     */
    static Optional<Instant> metAt(Track track, Evidence evidence, Instant endedAt) {
        Instant courses = coursesDoneAt(track, evidence.completions());
        if (courses == null) {
            return Optional.empty();
        }
        String proof = track.exam() != null ? track.exam() : endedAt != null ? track.renewalQuiz() : null;
        if (proof == null) {
            return endedAt == null ? Optional.of(courses) : Optional.empty();
        }
        return evidence.passes(proof).stream()
                .map(Pass::at)
                .filter(at -> !at.isBefore(courses) && (endedAt == null || at.isAfter(endedAt)))
                .min(Comparator.naturalOrder());
    }

    /** When a certification issued at {@code issuedAt} on the track expires; {@code null} when it never does. */
    static Instant expiry(Track track, Instant issuedAt) {
        return plus(issuedAt, track.validFor());
    }

    static Instant plus(Instant at, Period period) {
        return period == null ? null : at.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }

    static Instant minus(Instant at, Period period) {
        return at.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    /** What a certification is at {@code now}. */
    static Certification.Status status(Instant expiresAt, Instant revokedAt, Instant now) {
        if (revokedAt != null) {
            return Certification.Status.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? Certification.Status.EXPIRED : Certification.Status.CURRENT;
    }

    /** When a certification ended, or {@code null} while it is current. */
    static Instant endedAt(Instant expiresAt, Instant revokedAt, Instant now) {
        return switch (status(expiresAt, revokedAt, now)) {
            case REVOKED -> revokedAt;
            case EXPIRED -> expiresAt;
            case CURRENT -> null;
        };
    }

    /** A renewal window as configured, six months when what is configured is not a positive ISO-8601 period. */
    static Period window(String configured) {
        try {
            Period window = configured == null ? Period.ZERO : Period.parse(configured);
            return window.isNegative() || window.isZero() ? Period.ofMonths(6) : window;
        } catch (DateTimeParseException e) {
            return Period.ofMonths(6);
        }
    }

    /** When the renewal window of a certification expiring at {@code expiresAt} opens. */
    static Instant windowOpens(Instant expiresAt, Period window) {
        return minus(expiresAt, window);
    }

    /**
     * The renewals a current certification is due, in order: each pass of the renewal quiz
     * in the window before the expiry then in force (and after the issue) extends it by the
     * track's {@code validFor} from that expiry. A pass renews once ({@code used} holds the
     * attempts that already did), and the window moves with the expiry, so a second pass in
     * the same window renews nothing.
     */
    static List<Renewal> renewals(Track track, Instant issuedAt, Instant expiresAt, Period window, Evidence evidence,
            Set<String> used, Instant now) {
        List<Renewal> due = new ArrayList<>();
        if (track.renewalQuiz() == null || track.validFor() == null || expiresAt == null) {
            return due;
        }
        Instant expiry = expiresAt;
        for (Pass pass : evidence.passes(track.renewalQuiz())) {
            if (used.contains(pass.attempt()) || pass.at().isAfter(now)) {
                continue;
            }
            boolean inWindow = !pass.at().isBefore(windowOpens(expiry, window)) && pass.at().isBefore(expiry)
                    && pass.at().isAfter(issuedAt);
            if (inWindow) {
                expiry = plus(expiry, track.validFor());
                due.add(new Renewal(pass, expiry));
            }
        }
        return due;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
