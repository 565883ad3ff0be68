package roadshow.directory.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as a page shows it: {@code iso} for the {@code datetime} attribute of
 * {@code <time>}, {@code text} for people, in UTC.
 */
public record When(String iso, String text) {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The moment, or null for none, which a template tests with {@code ??}. */
    static When of(Instant instant) {
        return instant == null ? null : new When(instant.toString(), TEXT.format(instant));
    }
}
