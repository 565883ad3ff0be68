package roadshow.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import roadshow.certification.api.Certification;
import roadshow.content.api.Track;

class TrackRulesTest {

    private static final Instant JAN = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-10T09:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-10T09:00:00Z");
    private static final Period SIX_MONTHS = Period.ofMonths(6);

    /** Two required courses, one elective of two (one of another vendor), an exam, a year's validity, a renewal quiz. */
    static Track specialist() {
        return new Track("specialist", "acme", "Specialist", List.of("acme/basics", "acme/pricing"),
                new Track.Electives(1, List.of("acme/migration", "northwind/phishing")), "acme/exam", Period.ofYears(1), "acme/renewal", null);
    }

    private static TrackRules.Evidence evidence(Map<String, Instant> completions, Map<String, List<TrackRules.Pass>> passes) {
        return new TrackRules.Evidence(completions, passes);
    }

    private static TrackRules.Pass pass(String attempt, String at) {
        return new TrackRules.Pass(attempt, Instant.parse(at));
    }

    @Test
    void theCoursesAreDoneWhenEveryRequiredOneAndEnoughElectivesAre() {
        Track track = specialist();
        assertThat(TrackRules.coursesDoneAt(track, Map.of("acme/basics", JAN, "acme/pricing", FEB))).as("no elective").isNull();
        assertThat(TrackRules.coursesDoneAt(track, Map.of("acme/basics", JAN, "northwind/phishing", MAR))).as("pricing missing").isNull();
        assertThat(TrackRules.coursesDoneAt(track, Map.of("acme/basics", JAN, "acme/pricing", FEB, "northwind/phishing", MAR)))
                .as("an elective of another vendor counts, and the last completion is when").isEqualTo(MAR);
        assertThat(TrackRules.coursesDoneAt(track, Map.of("acme/basics", MAR, "acme/pricing", FEB, "northwind/phishing", JAN,
                "acme/migration", FEB))).as("the earliest elective is the one that counts").isEqualTo(MAR);
    }

    @Test
    void twoElectivesOfThreeNeedTheSecondEarliest() {
        Track track = new Track("t", "acme", "T", List.of(), new Track.Electives(2, List.of("a/x", "a/y", "a/z")), null, null, null, null);
        assertThat(TrackRules.coursesDoneAt(track, Map.of("a/x", MAR))).isNull();
        assertThat(TrackRules.coursesDoneAt(track, Map.of("a/x", MAR, "a/y", JAN, "a/z", FEB))).isEqualTo(FEB);
    }

    @Test
    void theExamCountsOnlyWhenPassedAfterTheCourses() {
        Track track = specialist();
        Map<String, Instant> courses = Map.of("acme/basics", JAN, "acme/pricing", JAN, "acme/migration", FEB);
        assertThat(TrackRules.metAt(track, evidence(courses, Map.of()), null)).as("no exam passed").isEmpty();
        assertThat(TrackRules.metAt(track, evidence(courses, Map.of("acme/exam", List.of(pass("e1", "2026-01-20T00:00:00Z")))), null))
                .as("passed before the elective was done: not last").isEmpty();
        assertThat(TrackRules.metAt(track, evidence(courses, Map.of("acme/exam", List.of(pass("e1", "2026-01-20T00:00:00Z"),
                pass("e2", "2026-02-20T00:00:00Z")))), null)).contains(Instant.parse("2026-02-20T00:00:00Z"));
    }

    @Test
    void aTrackWithoutAnExamIsMetWhenItsCoursesAre() {
        Track track = new Track("t", "acme", "T", List.of("a/x"), null, null, Period.ofYears(1), null, null);
        assertThat(TrackRules.metAt(track, evidence(Map.of("a/x", FEB), Map.of()), null)).contains(FEB);
        assertThat(TrackRules.metAt(track, evidence(Map.of("a/x", FEB), Map.of()), MAR))
                .as("ended, and nothing to prove it again with").isEmpty();
    }

    @Test
    void afterItEndsTheTrackIsMetAgainOnlyByANewExamPass() {
        Track track = specialist();
        Map<String, Instant> courses = Map.of("acme/basics", JAN, "acme/pricing", JAN, "acme/migration", JAN);
        Instant expired = Instant.parse("2027-02-01T00:00:00Z");
        TrackRules.Evidence old = evidence(courses, Map.of("acme/exam", List.of(pass("e1", "2026-02-01T00:00:00Z"))));
        assertThat(TrackRules.metAt(track, old, expired)).as("the old pass proved the old certification").isEmpty();
        TrackRules.Evidence again = evidence(courses, Map.of("acme/exam", List.of(pass("e1", "2026-02-01T00:00:00Z"),
                pass("e2", "2027-03-01T00:00:00Z"))));
        assertThat(TrackRules.metAt(track, again, expired)).contains(Instant.parse("2027-03-01T00:00:00Z"));
    }

    @Test
    void withoutAnExamTheRenewalQuizEarnsItAgainAfterExpiry() {
        Track track = new Track("t", "acme", "T", List.of("a/x"), null, null, Period.ofYears(1), "a/renewal", null);
        Instant expired = Instant.parse("2027-02-01T00:00:00Z");
        assertThat(TrackRules.metAt(track, evidence(Map.of("a/x", JAN), Map.of("a/renewal",
                List.of(pass("r1", "2027-02-05T00:00:00Z")))), expired)).contains(Instant.parse("2027-02-05T00:00:00Z"));
    }

    @Test
    void aCertificationExpiresValidForAfterItsIssueAndIsThenExpired() {
        Instant issued = Instant.parse("2026-02-28T12:00:00Z");
        Instant expires = TrackRules.expiry(specialist(), issued);
        assertThat(expires).isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
        assertThat(TrackRules.status(expires, null, expires.minusMillis(1))).isEqualTo(Certification.Status.CURRENT);
        assertThat(TrackRules.status(expires, null, expires)).as("the moment it expires").isEqualTo(Certification.Status.EXPIRED);
        assertThat(TrackRules.status(null, null, expires.plusSeconds(1_000_000_000))).as("no validFor: never").isEqualTo(
                Certification.Status.CURRENT);
        assertThat(TrackRules.status(expires, issued.plusSeconds(60), issued.plusSeconds(120))).isEqualTo(Certification.Status.REVOKED);
        assertThat(TrackRules.endedAt(expires, null, expires.plusSeconds(1))).isEqualTo(expires);
    }

    @Test
    void aRenewalPassedInTheWindowExtendsByValidForFromTheOldExpiry() {
        Track track = specialist();
        Instant issued = Instant.parse("2026-03-01T00:00:00Z");
        Instant expires = Instant.parse("2027-03-01T00:00:00Z");
        TrackRules.Evidence passes = evidence(Map.of(), Map.of("acme/renewal", List.of(pass("r1", "2026-12-01T00:00:00Z"))));
        List<TrackRules.Renewal> renewals = TrackRules.renewals(track, issued, expires, SIX_MONTHS, passes, Set.of(),
                Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(renewals).singleElement().satisfies(r -> assertThat(r.expiresAt()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z")));
        assertThat(TrackRules.renewals(track, issued, expires, SIX_MONTHS, passes, Set.of("r1"), Instant.parse("2026-12-02T00:00:00Z")))
                .as("a pass renews once").isEmpty();
    }

    @Test
    void aRenewalOutsideTheWindowRenewsNothing() {
        Track track = specialist();
        Instant issued = Instant.parse("2026-03-01T00:00:00Z");
        Instant expires = Instant.parse("2027-03-01T00:00:00Z");
        Instant now = Instant.parse("2027-04-01T00:00:00Z");
        assertThat(TrackRules.renewals(track, issued, expires, SIX_MONTHS, evidence(Map.of(), Map.of("acme/renewal",
                List.of(pass("early", "2026-08-31T23:59:59Z")))), Set.of(), now)).as("a day before the window opens").isEmpty();
        assertThat(TrackRules.renewals(track, issued, expires, SIX_MONTHS, evidence(Map.of(), Map.of("acme/renewal",
                List.of(pass("late", "2027-03-01T00:00:00Z")))), Set.of(), now)).as("at the expiry: too late").isEmpty();
        assertThat(TrackRules.renewals(track, issued, expires, SIX_MONTHS, evidence(Map.of(), Map.of("acme/renewal",
                List.of(pass("first-day", "2026-09-01T00:00:00Z")))), Set.of(), now)).as("the first moment of the window").hasSize(1);
        assertThat(TrackRules.renewals(track, issued, expires, Period.ofMonths(1), evidence(Map.of(), Map.of("acme/renewal",
                List.of(pass("r", "2026-12-01T00:00:00Z")))), Set.of(), now)).as("a track's narrower window").isEmpty();
    }

    @Test
    void twoPassesInOneWindowRenewOnceAndThenTheNextWindowCounts() {
        Track track = specialist();
        Instant issued = Instant.parse("2026-03-01T00:00:00Z");
        Instant expires = Instant.parse("2027-03-01T00:00:00Z");
        TrackRules.Evidence passes = evidence(Map.of(), Map.of("acme/renewal", List.of(pass("a", "2026-10-01T00:00:00Z"),
                pass("b", "2026-11-01T00:00:00Z"), pass("c", "2027-11-01T00:00:00Z"))));
        List<TrackRules.Renewal> renewals = TrackRules.renewals(track, issued, expires, SIX_MONTHS, passes, Set.of(),
                Instant.parse("2027-11-02T00:00:00Z"));
        assertThat(renewals).extracting(r -> r.pass().attempt()).containsExactly("a", "c");
        assertThat(renewals.get(1).expiresAt()).isEqualTo(Instant.parse("2029-03-01T00:00:00Z"));
    }

    @Test
    void aBadWindowIsSixMonths() {
        assertThat(TrackRules.window("P3M")).isEqualTo(Period.ofMonths(3));
        assertThat(TrackRules.window("three months")).isEqualTo(SIX_MONTHS);
        assertThat(TrackRules.window("-P3M")).isEqualTo(SIX_MONTHS);
        assertThat(TrackRules.window(null)).isEqualTo(SIX_MONTHS);
    }
}
