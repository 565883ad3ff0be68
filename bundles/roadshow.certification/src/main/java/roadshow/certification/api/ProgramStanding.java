package roadshow.certification.api;

import java.time.Instant;
import java.util.List;

/**
 * Where a partner organisation stands in one vendor's programme.
 *
 * @param vendor   the vendor whose programme it is
 * @param org      the organisation
 * @param held     the highest tier whose requirements the organisation meets now, or
 *                 {@code null} for none
 * @param next     the tier above it, with what it still needs, or {@code null} at the top
 * @param tiers    every tier of the programme, lowest first, with what each needs and has
 * @param lapse    when the tier held is lost if nobody renews, and who must renew by when;
 *                 {@code null} when no tier is held or nothing it needs expires
 * @param counted  whether the programme counts the certifications of child organisations'
 *                 people toward their parent
 */
public record ProgramStanding(String vendor, String org, Tier held, Tier next, List<Tier> tiers, Lapse lapse, boolean counted) {

    public ProgramStanding {
        tiers = List.copyOf(tiers);
    }

    /**
     * A tier and how the organisation fares on it.
     *
     * @param id       the tier's id
     * @param title    its title
     * @param needs    each track it requires, with how many people it takes and hold it now
     */
    public record Tier(String id, String title, List<Need> needs) {

        public Tier {
            needs = List.copyOf(needs);
        }

        /** Whether every requirement is met. */
        public boolean met() {
            return needs.stream().allMatch(Need::met);
        }
    }

    /**
     * One requirement of a tier.
     *
     * @param track      the track, as {@code vendor/track}
     * @param trackTitle its title, or its id when it is not served now
     * @param people     how many people must hold a current certification on it
     * @param holders    how many do now, each counted once
     */
    public record Need(String track, String trackTitle, int people, int holders) {

        public boolean met() {
            return holders >= people;
        }

        /** How many more people it takes; 0 when met. */
        public int missing() {
            return Math.max(0, people - holders);
        }
    }

    /**
     * When the tier held lapses if nobody renews.
     *
     * @param at       the moment the tier is lost: the expiry that first leaves a
     *                 requirement short
     * @param renewals who must renew by when to keep it, soonest first
     */
    public record Lapse(Instant at, List<Renewal> renewals) {

        public Lapse {
            renewals = List.copyOf(renewals);
        }
    }

    /**
     * A certification whose expiry the tier depends on.
     *
     * @param personId  who holds it
     * @param name      their name
     * @param track     the track, as {@code vendor/track}
     * @param expiresAt when it expires
     */
    public record Renewal(String personId, String name, String track, Instant expiresAt) {
    }
}
