package roadshow.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Access;
import roadshow.identity.api.IdentityException;
import roadshow.web.api.Json;
import roadshow.web.api.Problem;

/** What the identity endpoints share: reading JSON bodies and answering refusals as problems. */
final class Endpoints {

    /** The largest JSON body an identity endpoint reads. */
    private static final int MAX_BODY = 64 * 1024;

    private Endpoints() {
    }

    /** A request the endpoint refuses with a problem already sent. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    /**
     * The JSON object in the body. Anything else (another content type, which a cross-site
     * form could send, malformed JSON, not an object, too large) is answered 400 or 415.
     */
    static JsonNode body(HttpServletRequest request, HttpServletResponse response) throws IOException, Refused {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            Problem.of(415, "Unsupported Media Type", "Send the body as application/json.").send(response);
            throw new Refused();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                Problem.of(413, "Content Too Large", "The body is larger than " + MAX_BODY + " bytes.").send(response);
                throw new Refused();
            }
            JsonNode body = Json.MAPPER.readTree(bytes);
            if (body == null || !body.isObject()) {
                Problem.badRequest("The body must be a JSON object.").send(response);
                throw new Refused();
            }
            return body;
        } catch (JsonProcessingException e) {
            Problem.badRequest("The body is not valid JSON: " + e.getOriginalMessage()).send(response);
            throw new Refused();
        }
    }

    /** A string field, or null when absent or JSON null; a field of another type is refused. */
    static String text(JsonNode body, String field, HttpServletResponse response) throws IOException, Refused {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            send(response, 400, field, "'" + field + "' must be a string.");
            throw new Refused();
        }
        return value.asText();
    }

    static String required(JsonNode body, String field, HttpServletResponse response) throws IOException, Refused {
        String value = text(body, field, response);
        if (value == null) {
            send(response, 400, field, "'" + field + "' is required.");
            throw new Refused();
        }
        return value;
    }

    /** Sends the refusal of {@code access} as a problem. */
    static void refuse(HttpServletResponse response, Access access) throws IOException {
        String detail = switch (access) {
            case UNAUTHENTICATED -> "Log in, or send an API token as Authorization: Bearer <token>.";
            case FORBIDDEN -> "You are not allowed to do this.";
            default -> "There is nothing here.";
        };
        String title = switch (access) {
            case UNAUTHENTICATED -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            default -> "Not Found";
        };
        Problem.of(access.status(), title, detail).send(response);
    }

    /** Sends a refused change as a problem with the field at fault. */
    static void refuse(HttpServletResponse response, IdentityException e) throws IOException {
        int status = switch (e.reason()) {
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case INVALID -> 422;
            case WRONG_PASSWORD -> 403;
        };
        send(response, status, e.field(), e.getMessage());
    }

    private static void send(HttpServletResponse response, int status, String field, String message) throws IOException {
        String title = switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "Unprocessable Content";
        };
        new Problem("about:blank", title, status, message,
                field == null ? null : List.of(new Problem.FieldError(null, null, field, message))).send(response);
    }

    /** The path segments after the servlet's pattern: {@code /api/v1/users/x/roles} under {@code /api/v1/users/*} is [x, roles]. */
    static List<String> segments(HttpServletRequest request) {
        String info = Optional.ofNullable(request.getPathInfo()).orElse("");
        return info.isEmpty() || info.equals("/") ? List.of() : List.of(info.substring(1).split("/", -1));
    }
}
