package roadshow.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON body of an API request, as every endpoint reads it: only {@code application/json}
 * (a cross-site form cannot send it without the browser asking first), at most
 * {@value #MAX_BYTES} bytes, well-formed; anything else answered with a problem.
 */
public final class JsonBody {

    /** The largest body an endpoint reads this way; uploads have their own path. */
    public static final int MAX_BYTES = 64 * 1024;

    private JsonBody() {
    }

    /**
     * The body as JSON; {@code null} when there is none and it is not {@code required}.
     * Answers 415 for another media type, 413 for one too large, 400 for malformed JSON or
     * a missing required body, and then throws {@link Answered}.
     */
    public static JsonNode read(HttpServletRequest request, HttpServletResponse response, boolean required)
            throws IOException, Answered {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
        if (bytes.length == 0 && !required && (type == null || json)) {
            return null;
        }
        if (!json) {
            Problem.of(415, "Unsupported Media Type", "Send the body as application/json.").send(response);
            throw new Answered();
        }
        if (bytes.length > MAX_BYTES) {
            Problem.of(413, "Content Too Large", "The body is larger than " + MAX_BYTES + " bytes.").send(response);
            throw new Answered();
        }
        try {
            JsonNode body = bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
            if (body == null || body.isMissingNode()) {
                Problem.badRequest("The body must be JSON.").send(response);
                throw new Answered();
            }
            return body;
        } catch (JsonProcessingException e) {
            Problem.badRequest("The body is not valid JSON: " + e.getOriginalMessage()).send(response);
            throw new Answered();
        }
    }

    /** As {@link #read}, and the body must be a JSON object. */
    public static JsonNode object(HttpServletRequest request, HttpServletResponse response) throws IOException, Answered {
        JsonNode body = read(request, response, true);
        if (!body.isObject()) {
            Problem.badRequest("The body must be a JSON object.").send(response);
            throw new Answered();
        }
        return body;
    }
}
