package roadshow.certification.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The partner tiers organisations hold in vendors' programmes ({@code program.yaml}). An
 * organisation holds the highest tier whose every requirement its people's current
 * certifications meet, each person counted once per track; a programme may count the
 * people of child organisations toward their parent.
 */
@ProviderType
public interface PartnerTiers {

    /** The organisation's standing in every programme served now, by vendor; records any tier change seen. */
    List<ProgramStanding> standings(String orgId);

    /** The organisation's standing in one vendor's programme, if that vendor has one served. */
    Optional<ProgramStanding> standing(String orgId, String vendor);

    /** The tier changes recorded for the organisation in a vendor's programme, newest first. */
    List<TierChange> history(String orgId, String vendor);
}
