package roadshow.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import roadshow.certification.api.Certification;
import roadshow.certification.api.ProgramStanding;
import roadshow.content.api.Program;

class TierRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String SALES = "acme/sales";
    private static final String SECURITY = "northwind/security";

    /** Silver: 2 sales; gold: 3 sales and 1 security (another vendor's track). */
    private static Program program() {
        return new Program("acme", List.of(
                new Program.Tier("silver", "Silver", List.of(new Program.Requirement(SALES, 2))),
                new Program.Tier("gold", "Gold", List.of(new Program.Requirement(SALES, 3), new Program.Requirement(SECURITY, 1)))),
                false);
    }

    private static int serial;

    private static Certification cert(String person, String track, String expires) {
        return cert(person, track, expires, null);
    }

    private static Certification cert(String person, String track, String expires, String revoked) {
        Instant expiresAt = expires == null ? null : Instant.parse(expires);
        Instant revokedAt = revoked == null ? null : Instant.parse(revoked);
        return new Certification("c" + (++serial), "code" + serial, person, track, track.split("/")[0], track, "1.0.0",
                Instant.parse("2026-01-01T00:00:00Z"), expiresAt, 0, revokedAt, null, TrackRules.status(expiresAt, revokedAt, NOW));
    }

    private static ProgramStanding standing(List<Certification> certifications, Instant at) {
        return TierRules.standing(program(), "partner", false, certifications, track -> track + " title", person -> person.toUpperCase(), at);
    }

    @Test
    void theHighestTierWhoseEveryRequirementIsMetIsHeld() {
        List<Certification> two = List.of(cert("ann", SALES, "2027-01-01T00:00:00Z"), cert("bob", SALES, "2027-02-01T00:00:00Z"));
        ProgramStanding silver = standing(two, NOW);
        assertThat(silver.held().id()).isEqualTo("silver");
        assertThat(silver.next().id()).isEqualTo("gold");
        assertThat(silver.next().needs()).extracting(ProgramStanding.Need::missing).containsExactly(1, 1);

        List<Certification> three = new ArrayList<>(two);
        three.add(cert("cyd", SALES, null));
        assertThat(standing(three, NOW).held().id()).as("gold also needs a security certification").isEqualTo("silver");
        three.add(cert("dan", SECURITY, "2027-03-01T00:00:00Z"));
        ProgramStanding gold = standing(three, NOW);
        assertThat(gold.held().id()).isEqualTo("gold");
        assertThat(gold.next()).isNull();
        assertThat(standing(List.of(), NOW).held()).isNull();
        assertThat(standing(List.of(), NOW).next().id()).isEqualTo("silver");
    }

    @Test
    void aPersonCountsOncePerTrackAndOnlyWhileCurrent() {
        List<Certification> certs = List.of(
                cert("ann", SALES, "2027-01-01T00:00:00Z"),
                cert("ann", SALES, "2028-01-01T00:00:00Z"),
                cert("bob", SALES, "2026-05-01T00:00:00Z"),
                cert("cyd", SALES, "2027-01-01T00:00:00Z", "2026-04-01T00:00:00Z"));
        ProgramStanding standing = standing(certs, NOW);
        assertThat(standing.tiers().get(0).needs().get(0).holders()).as("ann once; bob expired; cyd revoked").isEqualTo(1);
        assertThat(standing.held()).isNull();
    }

    @Test
    void theTierDropsTheMomentACertificationItNeedsExpires() {
        Instant expiry = Instant.parse("2026-09-15T00:00:00Z");
        List<Certification> certs = List.of(cert("ann", SALES, expiry.toString()), cert("bob", SALES, "2027-02-01T00:00:00Z"));
        assertThat(standing(certs, expiry.minusSeconds(1)).held().id()).isEqualTo("silver");
        assertThat(standing(certs, expiry).held()).as("on the day, at the moment").isNull();
    }

    @Test
    void theLapseForecastIsTheExpiryThatLeavesARequirementShortAndWhoMustRenewByThen() {
        List<Certification> certs = List.of(
                cert("ann", SALES, "2026-09-01T00:00:00Z"),
                cert("bob", SALES, "2026-11-01T00:00:00Z"),
                cert("cyd", SALES, "2027-05-01T00:00:00Z"));
        ProgramStanding standing = standing(certs, NOW);
        assertThat(standing.held().id()).isEqualTo("silver");
        // three holders, two needed: silver is lost when the second-longest-lasting expires (bob's)
        assertThat(standing.lapse().at()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(standing.lapse().renewals()).extracting(ProgramStanding.Renewal::name).containsExactly("ANN", "BOB");
        assertThat(standing.lapse().renewals().get(0).expiresAt()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
    }

    @Test
    void certificationsThatNeverExpireNeverLapse() {
        ProgramStanding standing = standing(List.of(cert("ann", SALES, null), cert("bob", SALES, null),
                cert("cyd", SALES, "2026-07-01T00:00:00Z")), NOW);
        assertThat(standing.held().id()).isEqualTo("silver");
        assertThat(standing.lapse()).isNull();
    }

    @Test
    void theReasonOfAChangeSaysWhatIsShort() {
        List<Certification> two = List.of(cert("ann", SALES, "2026-09-01T00:00:00Z"), cert("bob", SALES, "2027-02-01T00:00:00Z"));
        ProgramStanding held = standing(two, NOW);
        ProgramStanding dropped = standing(two, Instant.parse("2026-09-02T00:00:00Z"));
        assertThat(TierRules.reason(null, held)).startsWith("Every requirement of Silver is met");
        assertThat(TierRules.reason(held, dropped)).isEqualTo("Silver needs 2 people with a current acme/sales title certification; 1 has"
                + " one now.");
    }
}
