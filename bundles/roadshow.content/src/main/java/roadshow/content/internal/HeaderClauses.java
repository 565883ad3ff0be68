package roadshow.content.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an OSGi manifest header such as {@code Provide-Capability} into its clauses:
 * {@code name;name;attr:type=value;directive:=value, ...}, values optionally quoted.
 */
final class HeaderClauses {

    /**
     * One clause.
     *
     * @param names      the paths or namespace the clause starts with
     * @param attributes by name, their declared types dropped
     * @param directives by name
     */
    record Clause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {
    }

    private final String header;
    private int position;

    private HeaderClauses(String header) {
        this.header = header;
    }

    /** @throws IllegalArgumentException when the header is malformed, saying where */
    static List<Clause> parse(String header) {
        return new HeaderClauses(header).clauses();
    }

    private List<Clause> clauses() {
        List<Clause> clauses = new ArrayList<>();
        do {
            clauses.add(clause());
        } while (accept(','));
        if (position < header.length()) {
            throw malformed("unexpected '" + header.charAt(position) + "'");
        }
        return clauses;
    }

    private Clause clause() {
        List<String> names = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        do {
            String name = token();
            if (accept(':')) {
                if (accept('=')) {
                    directives.put(name, value());
                } else {
                    token(); // the attribute's type, such as Version
                    expect('=');
                    attributes.put(name, value());
                }
            } else if (accept('=')) {
                attributes.put(name, value());
            } else if (attributes.isEmpty() && directives.isEmpty()) {
                names.add(name);
            } else {
                throw malformed("'" + name + "' follows the parameters; names come first");
            }
        } while (accept(';'));
        if (names.isEmpty()) {
            throw malformed("a clause needs a name before its parameters");
        }
        return new Clause(names, attributes, directives);
    }

    private String token() {
        skipSpace();
        int start = position;
        while (position < header.length() && ",;:=\"".indexOf(header.charAt(position)) < 0) {
            position++;
        }
        String token = header.substring(start, position).strip();
        if (token.isEmpty()) {
            throw malformed("a name is missing");
        }
        return token;
    }

    private String value() {
        skipSpace();
        if (!accept('"')) {
            return token();
        }
        StringBuilder value = new StringBuilder();
        while (position < header.length() && header.charAt(position) != '"') {
            char c = header.charAt(position++);
            if (c == '\\' && position < header.length()) {
                c = header.charAt(position++);
            }
            value.append(c);
        }
        expect('"');
        skipSpace();
        return value.toString();
    }

    private boolean accept(char c) {
        skipSpace();
        if (position < header.length() && header.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw malformed("'" + c + "' expected");
        }
    }

    private void skipSpace() {
        while (position < header.length() && Character.isWhitespace(header.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException(what + " at character " + (position + 1));
    }
}
