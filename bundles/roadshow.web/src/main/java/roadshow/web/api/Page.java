package roadshow.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One page of a list answer, {@code {items: [...], next: cursor|null}}, and the opaque
 * cursors that page through it. A cursor encodes the sort key of the last item sent, so
 * that paging stays correct while items are added or removed.
 *
 * @param items the items of this page
 * @param next  the cursor for the next page, or {@code null} on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * What a list request asks for: how many items, after which sort key.
     *
     * @param limit how many items a page holds
     * @param after the sort key of the last item of the previous page, if any
     */
    public record Request(int limit, Optional<String> after) {

        /**
         * The {@code limit} and {@code cursor} parameters of {@code request}.
         *
         * @throws IllegalArgumentException when either is malformed, with a message for a 400
         */
        public static Request of(ServletRequest request) {
            return new Request(Page.limit(request.getParameter("limit")), afterKey(request.getParameter("cursor")));
        }

        /** As {@link #of}, answering a malformed parameter with a 400 problem and throwing {@link Answered}. */
        public static Request read(ServletRequest request, HttpServletResponse response) throws IOException, Answered {
            try {
                return of(request);
            } catch (IllegalArgumentException e) {
                Problem.badRequest(e.getMessage()).send(response);
                throw new Answered();
            }
        }

        /**
         * The page of {@code found}, which holds up to {@code limit + 1} items in order: the
         * first {@code limit}, and a cursor after the last of them when there was one more.
         */
        public <T> Page<T> page(List<T> found, Function<T, String> key) {
            List<T> items = found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
            return new Page<>(items, found.size() > limit ? cursor(key.apply(items.get(items.size() - 1))) : null);
        }
    }

    public static String cursor(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key a cursor stands for; empty for no cursor.
     *
     * @throws IllegalArgumentException when the cursor was not made by {@link #cursor(String)}
     */
    public static Optional<String> afterKey(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this API gave out");
        }
    }

    /**
     * The page size asked for by a {@code limit} parameter.
     *
     * @throws IllegalArgumentException when it is not a number from 1 to {@link #MAX_LIMIT}
     */
    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
