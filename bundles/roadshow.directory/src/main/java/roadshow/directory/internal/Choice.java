package roadshow.directory.internal;

/** One option of a select, or one box of a group of checkboxes, as a template shows it. */
public record Choice(String value, String label, boolean selected) {
}
