package roadshow.certification.api;

import java.time.Instant;

/**
 * A change of the tier an organisation holds in a vendor's programme, as recorded when it
 * was seen.
 *
 * @param org    the organisation
 * @param vendor the vendor whose programme it is
 * @param from   the tier held before, or {@code null} for none
 * @param to     the tier held after, or {@code null} for none
 * @param at     when the change was recorded
 * @param reason what changed it, in words (a certification issued, expired, revoked, ...)
 */
public record TierChange(String org, String vendor, String from, String to, Instant at, String reason) {
}
