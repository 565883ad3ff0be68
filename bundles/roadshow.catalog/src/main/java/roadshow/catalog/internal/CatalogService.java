package roadshow.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import roadshow.catalog.api.Catalog;
import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.ContentBundle;

/**
 * The catalog: every course of every {@link ContentBundle} the extender has accepted,
 * following those services as bundles come, change and go.
 */
@Component(service = {Catalog.class, CatalogService.class})
public class CatalogService implements Catalog {

    private final List<ContentBundle> bundles = new CopyOnWriteArrayList<>();
    private volatile CatalogIndex index = CatalogIndex.EMPTY;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContentBundle(ContentBundle bundle) {
        bundles.add(bundle);
        reindex();
    }

    void removeContentBundle(ContentBundle bundle) {
        bundles.remove(bundle);
        reindex();
    }

    private synchronized void reindex() {
        index = CatalogIndex.of(bundles);
    }

    CatalogIndex index() {
        return index;
    }

    @Override
    public List<CatalogCourse> courses() {
        return index.courses();
    }

    @Override
    public Optional<CatalogCourse> course(String vendor, String courseId) {
        return index.course(vendor, courseId);
    }
}
