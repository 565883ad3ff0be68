package roadshow.content.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A content bundle carries no Java code: only a manifest and files. These rules refuse
 * what would give it code, or a part in the framework beyond its content: classes,
 * headers that run, wire or export code or that another extender acts on, and files
 * outside the content folder other than the usual ones under {@code META-INF/}.
 */
final class BundleCode {

    /** A header a content bundle must not have, with what it would do. */
    private record Header(String name, String effect) {
    }

    private static final List<Header> HEADERS = List.of(
            new Header("Bundle-Activator", "runs code when the bundle starts"),
            new Header("Service-Component", "declares components that run code"),
            new Header("Bundle-NativeCode", "loads native code"),
            new Header("DynamicImport-Package", "wires the bundle to code"),
            new Header("Import-Package", "wires the bundle to code"),
            new Header("Export-Package", "offers code to other bundles"),
            new Header("Fragment-Host", "attaches the bundle, and so its files, to another bundle"),
            new Header("Roadshow-Schema", "makes the bundle change the database"));
    private static final String CLASS_PATH = "Bundle-ClassPath";

    private static final String META_INF = "META-INF/";
    /** Under META-INF/, these make a JAR provide services or hold classes for other Java versions. */
    private static final List<String> META_INF_CODE = List.of("META-INF/services/", "META-INF/versions/");

    private BundleCode() {
    }

    /** Reports every header that would give the bundle code. */
    static void checkHeaders(Map<String, String> headers, Problems problems) {
        for (Header header : HEADERS) {
            String value = headers.get(header.name());
            if (value != null && !value.isBlank()) {
                problems.add(BundleManifest.FILE, null, Rule.MANIFEST_CODE, header.name() + " " + header.effect()
                        + "; a content bundle carries no code: remove the header");
            }
        }
        String classPath = headers.get(CLASS_PATH);
        if (classPath != null && !classPath.isBlank() && !classPath.strip().equals(".")) {
            problems.add(BundleManifest.FILE, null, Rule.MANIFEST_CODE, CLASS_PATH + " '" + classPath.strip()
                    + "' puts other code on the bundle's class path; a content bundle carries no code: "
                    + "remove the header or make it '.'");
        }
    }

    /**
     * Reports a file that is code or lies outside the content folder where it has no place.
     *
     * @param file   the file as the bundle names it
     * @param folder the content folder, ending in {@code /}
     */
    static void checkFile(String file, String folder, Problems problems) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".class")) {
            problems.add(file, null, Rule.FILE_CODE, "a Java class; a content bundle carries no code: remove it");
        } else if (!file.startsWith(folder) && !allowedOutside(file)) {
            problems.add(file, null, Rule.FILE_OUTSIDE, "this file is outside the content folder " + folder
                    + "; a content bundle holds its content there and nothing else but files under META-INF/ "
                    + "(not META-INF/services/ or META-INF/versions/)");
        }
    }

    private static boolean allowedOutside(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return file.startsWith(META_INF) && META_INF_CODE.stream().noneMatch(code -> lower.startsWith(code.toLowerCase(Locale.ROOT)));
    }
}
