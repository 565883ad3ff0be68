package roadshow.content.api;

import java.time.Duration;

/**
 * One lesson of a course: a CommonMark file.
 *
 * @param id       unique within its course; learner progress is keyed by it
 * @param title    shown in the course outline
 * @param file     the Markdown file, relative to the course folder
 * @param duration the learner's estimate, or {@code null}
 */
public record Lesson(String id, String title, String file, Duration duration) {
}
