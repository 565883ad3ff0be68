package roadshow.quiz.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import roadshow.quiz.api.Option;

/**
 * A choice of a single- or multiple-choice question, as written.
 *
 * @param feedback the vendor's feedback when the learner picks it, or {@code null}
 */
record Choice(String id, String text, boolean correct, String feedback) {

    /** The content format's ids; a choice id is one too. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Reads the {@code choices} of a question; {@code null} when they have problems (reported). */
    static List<Choice> read(Definition fields) {
        List<?> written = fields.requiredList("choices");
        if (written == null) {
            return null;
        }
        fields.atLeast("choices", written, 1, "choice%s");
        List<Choice> choices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < written.size(); i++) {
            Definition choice = fields.entry("choices", i, written.get(i));
            if (choice == null) {
                continue;
            }
            String id = choice.requiredText("id");
            if (id != null && !ID.matcher(id).matches()) {
                choice.problem("id", "'choices[" + i + "].id' must be lower-case letters, digits and '-', not '" + id + "'");
                id = null;
            } else if (id != null && !ids.add(id)) {
                choice.problem("id", "'choices[" + i + "].id' is '" + id + "', which an earlier choice already has");
                id = null;
            }
            String text = choice.requiredText("text");
            Boolean correct = choice.bool("correct");
            String feedback = choice.text("feedback");
            if (id != null && text != null) {
                choices.add(new Choice(id, text, Boolean.TRUE.equals(correct), feedback));
            }
        }
        return choices.size() == written.size() ? List.copyOf(choices) : null;
    }

    Option shown() {
        return new Option(id, text);
    }

    /** The ids of {@code choices}, for messages that say what would have been accepted. */
    static String ids(List<Choice> choices) {
        return String.join(", ", choices.stream().map(Choice::id).toList());
    }
}
