package roadshow.directory.internal;

/** One step of the layout's breadcrumb trail; the current page has no {@code href}. */
public record Crumb(String label, String href) {

    static Crumb here(String label) {
        return new Crumb(label, "");
    }
}
