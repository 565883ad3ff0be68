package roadshow.content.api;

import java.util.List;

/**
 * A vendor's partner programme from {@code program.yaml}: its tiers, lowest first.
 *
 * @param vendor the vendor id
 * @param tiers  lowest first
 */
public record Program(String vendor, List<Tier> tiers) {

    public Program {
        tiers = List.copyOf(tiers);
    }

    /**
     * A partner tier, held while the organisation has enough people certified on each
     * required track.
     */
    public record Tier(String id, String title, List<Requirement> requires) {
        public Tier {
            requires = List.copyOf(requires);
        }
    }

    /** At least {@code people} current certifications on the track (a global id). */
    public record Requirement(String track, int people) {
    }
}
