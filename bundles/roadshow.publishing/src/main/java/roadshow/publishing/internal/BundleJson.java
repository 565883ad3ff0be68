package roadshow.publishing.internal;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import roadshow.content.api.ContentBundleState;
import roadshow.content.api.ContentProblem;

/**
 * A content bundle as {@code GET /api/v1/bundles} shows it; the field names are the
 * contract of rest-api-v1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleJson(String symbolicName, String version, String vendor, String state, List<String> courses,
        List<ErrorJson> errors, Instant since) {

    static BundleJson of(ContentBundleState state) {
        return new BundleJson(state.symbolicName(), state.version(), state.vendor(),
                state.state().name().toLowerCase(java.util.Locale.ROOT), state.courses(),
                state.problems().stream().map(ErrorJson::of).toList(), state.since());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorJson(String file, Integer line, String rule, String message) {
        static ErrorJson of(ContentProblem problem) {
            return new ErrorJson(problem.file(), problem.line(), problem.rule(), problem.message());
        }
    }
}
