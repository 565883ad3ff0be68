package roadshow.catalog.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The courses served right now. A course leaves the catalog the moment its bundle
 * stops or is refused, and comes back with it; nothing else about it is forgotten.
 */
@ProviderType
public interface Catalog {

    /** Every listed course, ordered by global id. */
    List<CatalogCourse> courses();

    Optional<CatalogCourse> course(String vendor, String courseId);
}
