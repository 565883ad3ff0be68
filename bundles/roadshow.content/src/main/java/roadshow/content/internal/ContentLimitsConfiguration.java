package roadshow.content.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The operator's content limits, shared by the extender and the JAR validator under
 * one configuration PID, so that both read a bundle with the same limits. They can
 * still disagree: a limit lowered after a bundle was validated applies when the
 * extender next reads it, and the compression ratio is only checked by the validator,
 * since an installed bundle does not show its entries' compressed sizes.
 */
@ObjectClassDefinition(
        id = ContentLimitsConfiguration.PID,
        name = "Roadshow content limits",
        description = "How much a vendor content bundle may hold and expand when it is read.")
public @interface ContentLimitsConfiguration {

    String PID = "roadshow.content";

    @AttributeDefinition(name = "Largest entry", description = "Bytes an entry may hold, uncompressed.")
    long max_entry_bytes() default 100L * 1024 * 1024;

    @AttributeDefinition(name = "Largest bundle", description = "Bytes all entries of a bundle may hold together, uncompressed.")
    long max_bundle_bytes() default 500L * 1024 * 1024;

    @AttributeDefinition(name = "Compression ratio", description = "How many times its compressed size an entry may expand.")
    long max_compression_ratio() default 100;

    @AttributeDefinition(name = "Ratio checked above", description = "Bytes an entry must exceed before its compression ratio is checked.")
    long compression_checked_above_bytes() default 1024 * 1024;

    @AttributeDefinition(name = "Largest document", description = "Bytes a YAML or Markdown file may hold; these are read into memory.")
    int max_document_bytes() default 4 * 1024 * 1024;

    @AttributeDefinition(name = "Most entries", description = "Entries a bundle may hold, files and folders together.")
    int max_entries() default ContentLimits.DEFAULT_MAX_ENTRIES;

    @AttributeDefinition(name = "Longest path", description = "Characters a path in a bundle may have.")
    int max_path_length() default ContentLimits.DEFAULT_MAX_PATH_LENGTH;

    @AttributeDefinition(name = "Deepest path", description = "Segments (folders and the file name) a path in a bundle may have.")
    int max_path_depth() default ContentLimits.DEFAULT_MAX_PATH_DEPTH;
}
