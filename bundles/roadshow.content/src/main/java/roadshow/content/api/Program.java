package roadshow.content.api;

import java.util.List;

/**
 * A vendor's partner programme from {@code program.yaml}: its tiers, lowest first.
 *
 * @param vendor the vendor id
 * @param tiers  lowest first
 * @param countChildOrganisations whether the people of an organisation's child
 *               organisations count toward its tiers ({@code countChildOrganisations: true},
 *               an addition to the format); otherwise only its own people do
 */
public record Program(String vendor, List<Tier> tiers, boolean countChildOrganisations) {

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
