package roadshow.identity.api;

import java.time.Instant;
import java.util.List;

/**
 * A partner organisation: a reseller or integrator whose people train. It may belong to a
 * {@code parent} organisation, and it may claim e-mail {@code domains}: people with an
 * address at one of them join it once they have verified that address.
 */
public record Organisation(String id, String name, String parent, List<String> domains, Instant createdAt) {

    public Organisation {
        domains = List.copyOf(domains);
    }
}
