package roadshow.identity.internal;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletResponse;
import roadshow.identity.api.Access;
import roadshow.identity.api.IdentityException;
import roadshow.web.api.Answered;
import roadshow.web.api.Problem;

/** What the identity endpoints share: reading fields of a JSON body and answering refusals as problems. */
final class Endpoints {

    private Endpoints() {
    }

    /** A string field, or null when absent or JSON null; a field of another type is refused. */
    static String text(JsonNode body, String field, HttpServletResponse response) throws IOException, Answered {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            send(response, 400, field, "'" + field + "' must be a string.");
            throw new Answered();
        }
        return value.asText();
    }

    static String required(JsonNode body, String field, HttpServletResponse response) throws IOException, Answered {
        String value = text(body, field, response);
        if (value == null) {
            send(response, 400, field, "'" + field + "' is required.");
            throw new Answered();
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
}
