package roadshow.content.internal;

import java.util.Locale;

/**
 * How much a content bundle may expand, so that a bundle cannot exhaust the server's
 * memory or disk while it is read. Sizes are in bytes, counted as the entries are
 * actually read, never taken from what the JAR declares.
 *
 * @param maxEntryBytes       most an entry may hold, uncompressed
 * @param maxBundleBytes      most all entries of a bundle may hold together, uncompressed
 * @param maxCompressionRatio most an entry may expand relative to its compressed size...
 * @param ratioCheckedAbove   ...once it holds more than this many bytes
 * @param maxDocumentBytes    most a YAML or Markdown file may hold; these are read into memory
 */
public record ContentLimits(
        long maxEntryBytes,
        long maxBundleBytes,
        long maxCompressionRatio,
        long ratioCheckedAbove,
        int maxDocumentBytes) {

    private static final long MB = 1024 * 1024;

    /** The limits of the content format: 100 MB an entry, 500 MB a bundle, 100:1 above 1 MB. */
    public static final ContentLimits DEFAULTS = new ContentLimits(100 * MB, 500 * MB, 100, MB, (int) (4 * MB));

    public ContentLimits {
        if (maxEntryBytes <= 0 || maxBundleBytes <= 0 || maxCompressionRatio <= 0 || ratioCheckedAbove < 0
                || maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("content limits must be positive");
        }
    }

    static ContentLimits of(ContentLimitsConfiguration config) {
        return new ContentLimits(config.max_entry_bytes(), config.max_bundle_bytes(),
                config.max_compression_ratio(), config.compression_checked_above_bytes(),
                config.max_document_bytes());
    }

    /** A size as a vendor reads it: {@code 100 MB}, {@code 12.5 KB}, {@code 300 bytes}. */
    static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < MB) {
            return decimal(bytes / 1024.0) + " KB";
        }
        return decimal(bytes / (double) MB) + " MB";
    }

    private static String decimal(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
