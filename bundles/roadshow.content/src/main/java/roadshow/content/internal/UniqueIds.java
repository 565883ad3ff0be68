package roadshow.content.internal;

import java.util.HashMap;
import java.util.Map;

/** Ids that must be unique in one scope, such as the lessons of a course or the choices of a question. */
final class UniqueIds {

    private final Map<String, Integer> firstLines = new HashMap<>();
    private final String what;
    private final String file;
    private final Problems problems;

    /** @param what how a vendor names the ids, for messages: "lesson id", "choice id" */
    UniqueIds(String what, String file, Problems problems) {
        this.what = what;
        this.file = file;
        this.problems = problems;
    }

    /** Claims an id; reports it and returns false when it was claimed before. */
    boolean add(String id, int line) {
        Integer first = firstLines.putIfAbsent(id, line);
        if (first != null) {
            problems.add(file, line, Rule.ID_DUPLICATE, what + " '" + id + "' is used twice (first at line " + first + ")");
            return false;
        }
        return true;
    }
}
