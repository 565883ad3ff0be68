package roadshow.web.api;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An error answer in the shape of RFC 9457 {@code application/problem+json}.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} for a plain HTTP status
 * @param title  short, the same for every problem of this type
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors for validation problems, one entry per error; otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public static Problem badRequest(String detail) {
        return of(HttpServletResponse.SC_BAD_REQUEST, "Bad request", detail);
    }

    public static Problem notFound(String detail) {
        return of(HttpServletResponse.SC_NOT_FOUND, "Not found", detail);
    }

    /** Writes this problem as the response, with its status and media type. */
    public void send(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(response.getOutputStream(), this);
    }

    /**
     * One validation error; any of {@code file}, {@code line} and {@code field} may be absent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String file, Integer line, String field, String message) {
    }
}
