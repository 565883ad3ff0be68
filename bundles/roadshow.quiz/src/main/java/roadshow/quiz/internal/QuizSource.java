package roadshow.quiz.internal;

import java.util.List;
import java.util.Optional;

import roadshow.content.api.Course;
import roadshow.content.api.Quiz;

/** Where attempts find the quizzes served now: in production the content bundles' services. */
interface QuizSource {

    /**
     * A quiz as served, with the version of the content bundle that serves it and the
     * courses of that bundle that it completes.
     */
    record Served(Quiz quiz, String version, List<Course> courses) {

        public Served {
            courses = List.copyOf(courses);
        }
    }

    /** The quiz with this global id ({@code vendor/quiz}), if it is served now. */
    Optional<Served> quiz(String globalId);
}
