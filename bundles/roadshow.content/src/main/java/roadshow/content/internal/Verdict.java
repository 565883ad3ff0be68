package roadshow.content.internal;

import java.util.List;

import roadshow.content.api.ContentProblem;

/** What reading a content bundle comes to: its content, or every problem that refuses it. */
public sealed interface Verdict {

    /** Empty when accepted. */
    List<ContentProblem> problems();

    record Accepted(Curriculum curriculum) implements Verdict {
        @Override
        public List<ContentProblem> problems() {
            return List.of();
        }
    }

    record Refused(List<ContentProblem> problems) implements Verdict {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }
}
