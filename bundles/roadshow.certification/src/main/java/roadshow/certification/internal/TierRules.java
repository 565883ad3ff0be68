package roadshow.certification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import roadshow.certification.api.Certification;
import roadshow.certification.api.ProgramStanding;
import roadshow.content.api.Program;

/**
 * Which tier of a programme an organisation holds, on its members' certifications at a
 * moment, what the next one still needs, and when the one held lapses if nobody renews:
 * the rules alone.
 */
final class TierRules {

    private TierRules() {
    }

    /** A holder's certification on a track: who, and until when ({@code null}: for ever). */
    private record Holding(String person, Instant until) {
    }

    /**
     * @param certifications every certification of the people counted (any status; only
     *                       those current at {@code now} count, each person once per track)
     * @param trackTitle     a track's title by global id
     * @param name           a person's name by id
     */
    static ProgramStanding standing(Program program, String org, boolean counted, List<Certification> certifications,
            Function<String, String> trackTitle, Function<String, String> name, Instant now) {
        Map<String, Map<String, Holding>> holders = holders(certifications, now);
        List<ProgramStanding.Tier> tiers = program.tiers().stream().map(tier -> new ProgramStanding.Tier(tier.id(), tier.title(),
                tier.requires().stream().map(need -> new ProgramStanding.Need(need.track(), trackTitle.apply(need.track()), need.people(),
                        holders.getOrDefault(need.track(), Map.of()).size())).toList())).toList();
        int held = -1;
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).met()) {
                held = i;
            }
        }
        ProgramStanding.Tier heldTier = held < 0 ? null : tiers.get(held);
        ProgramStanding.Tier next = held + 1 < tiers.size() ? tiers.get(held + 1) : null;
        ProgramStanding.Lapse lapse = heldTier == null ? null : lapse(heldTier, holders, name).orElse(null);
        return new ProgramStanding(program.vendor(), org, heldTier, next, tiers, lapse, counted);
    }

    /** Per track, per person, the latest expiry of the certifications current at {@code now}. */
    private static Map<String, Map<String, Holding>> holders(List<Certification> certifications, Instant now) {
        Map<String, Map<String, Holding>> holders = new HashMap<>();
        for (Certification c : certifications) {
            if (TrackRules.status(c.expiresAt(), c.revokedAt(), now) != Certification.Status.CURRENT) {
                continue;
            }
            holders.computeIfAbsent(c.track(), t -> new HashMap<>()).merge(c.personId(), new Holding(c.personId(), c.expiresAt()),
                    (a, b) -> a.until() == null || (b.until() != null && a.until().isAfter(b.until())) ? a : b);
        }
        return holders;
    }

    /**
     * When the tier is lost if nobody renews: for each requirement, the expiry after which
     * fewer than the people it needs are left; the earliest of those. Who must renew by
     * then: the holders whose certifications expire by that moment, soonest first.
     */
    private static Optional<ProgramStanding.Lapse> lapse(ProgramStanding.Tier tier, Map<String, Map<String, Holding>> holders,
            Function<String, String> name) {
        Instant lapse = null;
        for (ProgramStanding.Need need : tier.needs()) {
            List<Instant> expiries = holders.getOrDefault(need.track(), Map.of()).values().stream().map(Holding::until)
                    .sorted(Comparator.nullsFirst(Comparator.<Instant>reverseOrder())).toList();
            if (need.people() <= 0 || expiries.size() < need.people()) {
                continue;
            }
            // the need-th longest-lasting certification: once it expires, too few are left
            Instant lost = expiries.get(need.people() - 1);
            if (lost != null && (lapse == null || lost.isBefore(lapse))) {
                lapse = lost;
            }
        }
        if (lapse == null) {
            return Optional.empty();
        }
        Instant at = lapse;
        List<ProgramStanding.Renewal> renewals = new ArrayList<>();
        for (ProgramStanding.Need need : tier.needs()) {
            for (Holding holding : holders.getOrDefault(need.track(), Map.of()).values()) {
                if (holding.until() != null && !holding.until().isAfter(at)) {
                    renewals.add(new ProgramStanding.Renewal(holding.person(), name.apply(holding.person()), need.track(), holding.until()));
                }
            }
        }
        renewals.sort(Comparator.comparing(ProgramStanding.Renewal::expiresAt).thenComparing(ProgramStanding.Renewal::name));
        return Optional.of(new ProgramStanding.Lapse(at, renewals));
    }

    /** Why the tier held changed, in words, from what the standing says now. */
    static String reason(ProgramStanding before, ProgramStanding now) {
        if (now.held() != null && (before == null || before.held() == null || rank(now, now.held()) > rank(now, before.held()))) {
            return "Every requirement of " + now.held().title() + " is met: " + describe(now.held());
        }
        ProgramStanding.Tier lost = before != null && before.held() != null
                ? now.tiers().stream().filter(t -> t.id().equals(before.held().id())).findFirst().orElse(null) : null;
        if (lost == null) {
            return now.held() == null ? "No tier's requirements are met." : "The programme changed.";
        }
        return lost.needs().stream().filter(n -> !n.met()).findFirst()
                .map(n -> lost.title() + " needs " + n.people() + " people with a current " + n.trackTitle() + " certification; "
                        + n.holders() + (n.holders() == 1 ? " has" : " have") + " one now.")
                .orElse("The programme changed.");
    }

    private static int rank(ProgramStanding standing, ProgramStanding.Tier tier) {
        for (int i = 0; i < standing.tiers().size(); i++) {
            if (standing.tiers().get(i).id().equals(tier.id())) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(ProgramStanding.Tier tier) {
        return String.join("; ", tier.needs().stream().map(n -> n.holders() + " of " + n.people() + " " + n.trackTitle()).toList())
                + ".";
    }
}
