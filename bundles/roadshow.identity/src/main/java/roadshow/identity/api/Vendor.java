package roadshow.identity.api;

import java.time.Instant;

/**
 * A software vendor that publishes curriculum. Its {@code id} is the {@code Roadshow-Vendor}
 * id of its content bundles.
 */
public record Vendor(String id, String name, Instant createdAt) {
}
