package roadshow.content.api;

/**
 * One reason a content bundle was refused.
 *
 * @param file    the file the problem is in, relative to the bundle root (such as
 *                {@code roadshow/courses/intro/course.yaml} or {@code META-INF/MANIFEST.MF}),
 *                or {@code null} when it concerns the bundle as a whole
 * @param line    the 1-based line, or {@code null} where there is none
 * @param rule    a stable identifier of the rule broken, such as {@code id.duplicate}
 * @param message what is wrong, for the vendor to read
 */
public record ContentProblem(String file, Integer line, String rule, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line != null) {
                s.append(':').append(line);
            }
            s.append(": ");
        }
        return s.append(message).append(" [").append(rule).append(']').toString();
    }
}
