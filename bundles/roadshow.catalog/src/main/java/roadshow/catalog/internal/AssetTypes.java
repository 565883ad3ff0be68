package roadshow.catalog.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The media types course assets are served with, by file extension. Deliberately a
 * closed list: anything else goes out as a download, never as something the browser
 * might render or run.
 */
final class AssetTypes {

    static final String DOWNLOAD = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("vtt", "text/vtt; charset=utf-8"),
            Map.entry("zip", "application/zip"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    private AssetTypes() {
    }

    static String of(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, DOWNLOAD);
    }

    /** Whether a browser shows this type in place rather than as a download. */
    static boolean inline(String type) {
        return type.startsWith("image/") || type.startsWith("video/") || type.startsWith("audio/")
                || type.equals("application/pdf") || type.startsWith("text/plain") || type.startsWith("text/vtt");
    }
}
