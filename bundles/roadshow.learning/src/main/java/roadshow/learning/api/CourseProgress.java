package roadshow.learning.api;

import java.time.Instant;

/**
 * A learner's progress in one course as the course is now: {@code lessonsDone} counts only
 * lessons the current version still has, {@code lessonsTotal} those it has.
 * {@code completedAt} and {@code completedVersion} say when, and on which version of the
 * course, it was completed, or are null; {@code resumeLesson} is the first lesson not yet
 * done, or null when all are.
 */
public record CourseProgress(String course, String version, Instant enrolledAt, int lessonsDone, int lessonsTotal,
        boolean quizPassed, Instant completedAt, String completedVersion, String resumeLesson) {
}
