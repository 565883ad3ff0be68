package roadshow.quiz.api;

import java.util.Objects;

/**
 * Something a learner answers with, as shown: a choice, an item to put in order, or one
 * side of a matching question. Answers refer to it by its id.
 *
 * @param id   stable for the question across attempts; tells nothing about the answer
 * @param text what the learner reads
 */
public record Option(String id, String text) {

    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
