package roadshow.content.internal;

import java.util.Locale;

/**
 * How much a content bundle may hold and expand, so that a bundle cannot exhaust the
 * server's memory, disk or time while it is read. Sizes are in bytes, counted as the
 * entries are actually read, never taken from what the JAR declares.
 *
 * @param maxEntryBytes       most an entry may hold, uncompressed
 * @param maxBundleBytes      most all entries of a bundle may hold together, uncompressed
 * @param maxCompressionRatio most an entry may expand relative to its compressed size...
 * @param ratioCheckedAbove   ...once it holds more than this many bytes
 * @param maxDocumentBytes    most a YAML or Markdown file may hold; these are read into memory
 * @param maxEntries          most entries a bundle may hold, files and folders together
 *                            (a folder counts once, whether the JAR lists it or only its files)
 * @param maxPathLength       most characters a path in the bundle may have
 * @param maxPathDepth        most segments (folders and file name) a path in the bundle may have
 */
public record ContentLimits(
        long maxEntryBytes,
        long maxBundleBytes,
        long maxCompressionRatio,
        long ratioCheckedAbove,
        int maxDocumentBytes,
        int maxEntries,
        int maxPathLength,
        int maxPathDepth) {

    private static final long MB = 1024 * 1024;

    static final int DEFAULT_MAX_ENTRIES = 10_000;
    static final int DEFAULT_MAX_PATH_LENGTH = 512;
    static final int DEFAULT_MAX_PATH_DEPTH = 32;

    /**
     * The limits of the content format: 100 MB an entry, 500 MB a bundle, 100:1 above 1 MB,
     * 4 MB a document, 10,000 entries, paths of at most 512 characters and 32 segments.
     */
    public static final ContentLimits DEFAULTS = new ContentLimits(100 * MB, 500 * MB, 100, MB, (int) (4 * MB));

    public ContentLimits {
        if (maxEntryBytes <= 0 || maxBundleBytes <= 0 || maxCompressionRatio <= 0 || ratioCheckedAbove < 0
                || maxDocumentBytes <= 0 || maxEntries <= 0 || maxPathLength <= 0 || maxPathDepth <= 0) {
            throw new IllegalArgumentException("content limits must be positive");
        }
    }

    /** Size limits with the default entry count and path limits. */
    public ContentLimits(long maxEntryBytes, long maxBundleBytes, long maxCompressionRatio, long ratioCheckedAbove,
            int maxDocumentBytes) {
        this(maxEntryBytes, maxBundleBytes, maxCompressionRatio, ratioCheckedAbove, maxDocumentBytes,
                DEFAULT_MAX_ENTRIES, DEFAULT_MAX_PATH_LENGTH, DEFAULT_MAX_PATH_DEPTH);
    }

    static ContentLimits of(ContentLimitsConfiguration config) {
        return new ContentLimits(config.max_entry_bytes(), config.max_bundle_bytes(),
                config.max_compression_ratio(), config.compression_checked_above_bytes(),
                config.max_document_bytes(), config.max_entries(), config.max_path_length(), config.max_path_depth());
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
