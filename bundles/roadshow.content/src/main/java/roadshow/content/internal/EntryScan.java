package roadshow.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every entry of a bundle once, counting the bytes it really expands to, and
 * refuses entries and bundles that expand past the {@link ContentLimits}. What an entry
 * declares is used only to refuse it sooner: a hostile JAR can declare anything.
 * Every entry counts, including the manifest and files outside the content folder,
 * because all of them land in the framework's bundle cache; and every byte read counts,
 * including those of an entry refused halfway, so that many entries just past a limit
 * cannot each be inflated in full.
 *
 * <p>The compression ratio is checked where the source shows what an entry consumes of
 * its compressed data: a JAR on disk does, an installed bundle does not (see
 * {@link BundleContentSource}).
 */
final class EntryScan {

    private static final int BUFFER = 64 * 1024;

    private final ContentLimits limits;
    private final Problems problems;
    private final Set<String> refused = new HashSet<>();
    private long total;
    private boolean bundleTooLarge;

    private EntryScan(ContentLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** Scans the files, reporting what breaks a limit. */
    static EntryScan scan(ContentSource source, List<String> files, ContentLimits limits, Problems problems) {
        EntryScan scan = new EntryScan(limits, problems);
        for (String file : files) {
            scan.measure(source, file);
            if (scan.bundleTooLarge) {
                break;
            }
        }
        return scan;
    }

    /** Whether the bundle as a whole is too large; then the scan stopped early and nothing else is worth reading. */
    boolean bundleTooLarge() {
        return bundleTooLarge;
    }

    /** Whether an entry broke a limit or could not be read; the reader leaves it alone. */
    boolean refused(String file) {
        return refused.contains(file);
    }

    private void measure(ContentSource source, String file) {
        ContentSource.Entry entry;
        try {
            entry = source.open(file);
        } catch (IOException e) {
            refuse(file, Rule.ENTRY_UNREADABLE, "cannot be read: " + e.getMessage());
            return;
        }
        if (entry == null) {
            refuse(file, Rule.ENTRY_UNREADABLE, "is listed by the bundle but cannot be opened");
            return;
        }
        long read = 0;
        try (InputStream in = entry.content()) {
            if (entry.size() > limits.maxEntryBytes()) {
                refuse(file, Rule.ENTRY_TOO_LARGE, "declares " + ContentLimits.describe(entry.size())
                        + " uncompressed; an entry may hold at most " + ContentLimits.describe(limits.maxEntryBytes()));
                return;
            }
            long ratioCap = ratioCap(entry.compressedSize());
            // never read past the first byte that breaks a limit
            long stop = Math.min(Math.min(limits.maxEntryBytes(), ratioCap), limits.maxBundleBytes() - total);
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer, 0, wanted(stop, read)); n >= 0; n = in.read(buffer, 0, wanted(stop, read))) {
                read += n;
                if (read > limits.maxEntryBytes()) {
                    refuse(file, Rule.ENTRY_TOO_LARGE, "expands to more than " + ContentLimits.describe(limits.maxEntryBytes())
                            + " uncompressed, the most an entry may hold");
                    return;
                }
                if (read > ratioCap) {
                    refuse(file, Rule.ENTRY_RATIO, "expands from at most " + ContentLimits.describe(entry.compressedSize())
                            + " to more than " + ContentLimits.describe(read) + ", " + ratioRule());
                    return;
                }
                if (total + read > limits.maxBundleBytes()) {
                    return;
                }
            }
            if (entry.compressedRead() != null) {
                long consumed = entry.compressedRead().getAsLong();
                if (read > ratioCap(consumed)) {
                    refuse(file, Rule.ENTRY_RATIO, "expands from " + ContentLimits.describe(consumed) + " to "
                            + ContentLimits.describe(read) + ", " + ratioRule());
                }
            }
        } catch (IOException e) {
            refuse(file, Rule.ENTRY_UNREADABLE, "cannot be read: " + e.getMessage());
        } finally {
            total += read;
            if (total > limits.maxBundleBytes() && !bundleTooLarge) {
                bundleTooLarge = true;
                refused.add(file);
                problems.add(null, null, Rule.BUNDLE_TOO_LARGE, "the bundle expands to more than "
                        + ContentLimits.describe(limits.maxBundleBytes()) + " (reached while reading " + file
                        + "); a bundle may hold at most " + ContentLimits.describe(limits.maxBundleBytes()) + " uncompressed");
            }
        }
    }

    /** How much to ask for next: enough to see the first byte past {@code stop}, and no more. */
    private static int wanted(long stop, long read) {
        return (int) Math.max(1, Math.min(BUFFER, stop + 1 - read));
    }

    private String ratioRule() {
        return "over " + limits.maxCompressionRatio() + " times its compressed size; entries over "
                + ContentLimits.describe(limits.ratioCheckedAbove()) + " may be compressed at most "
                + limits.maxCompressionRatio() + " to 1";
    }

    /** The bytes past which an entry breaks the ratio rule: never below the size at which the rule starts. */
    private long ratioCap(long compressedSize) {
        if (compressedSize < 0) {
            return Long.MAX_VALUE;
        }
        long cap = compressedSize > Long.MAX_VALUE / limits.maxCompressionRatio()
                ? Long.MAX_VALUE
                : compressedSize * limits.maxCompressionRatio();
        return Math.max(cap, limits.ratioCheckedAbove());
    }

    private void refuse(String file, Rule rule, String message) {
        refused.add(file);
        problems.add(file, null, rule, message);
    }
}
