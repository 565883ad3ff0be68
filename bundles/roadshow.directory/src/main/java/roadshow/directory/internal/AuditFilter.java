package roadshow.directory.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import roadshow.audit.api.AuditQuery;

/**
 * The filters of the audit page and endpoint, as their query parameters {@code actor},
 * {@code action}, {@code targetType} and {@code target} give them; empty when not set.
 */
public record AuditFilter(String actor, String action, String targetType, String target) {

    public AuditFilter {
        actor = trimmed(actor);
        action = trimmed(action);
        targetType = trimmed(targetType);
        target = trimmed(target);
    }

    /** The filters among a request's parameters. */
    static AuditFilter of(UnaryOperator<String> parameter) {
        return new AuditFilter(parameter.apply("actor"), parameter.apply("action"), parameter.apply("targetType"),
                parameter.apply("target"));
    }

    /** Whether any filter is set. */
    boolean any() {
        return !(actor.isEmpty() && action.isEmpty() && targetType.isEmpty() && target.isEmpty());
    }

    /** The log's query for a page of these events, before the event {@code beforeId} when that is set. */
    AuditQuery query(String beforeId, int limit) {
        return new AuditQuery(actor, action, targetType, target, beforeId, limit);
    }

    /** A filter for one actor's events. */
    static AuditFilter byActor(String actor) {
        return new AuditFilter(actor, null, null, null);
    }

    /** A filter for the events about one target. */
    static AuditFilter byTarget(String targetType, String target) {
        return new AuditFilter(null, null, targetType, target);
    }

    /**
     * {@code path} with these filters and any {@code extra} parameters as its query, leaving
     * out those that are empty.
     */
    String href(String path, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("actor", actor);
        parameters.put("action", action);
        parameters.put("targetType", targetType);
        parameters.put("target", target);
        parameters.putAll(extra);
        StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    String href(String path) {
        return href(path, Map.of());
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
