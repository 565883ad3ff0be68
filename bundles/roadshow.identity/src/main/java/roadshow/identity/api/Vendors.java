package roadshow.identity.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The vendors that publish curriculum, whose authors hold roles here. */
@ProviderType
public interface Vendors {

    /**
     * Creates one. The id is the vendor's {@code Roadshow-Vendor} id, a lowercase slug.
     *
     * @throws IdentityException {@code CONFLICT} for a taken id, {@code INVALID}
     */
    Vendor create(String id, String name);

    Optional<Vendor> find(String id);

    List<Vendor> list();
}
