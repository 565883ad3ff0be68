package roadshow.content.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value together with the line it starts on. Jackson's own tree forgets
 * locations, and a vendor needs the line of every problem.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** 1-based. */
    int line();

    /** What a vendor would call this kind of value, for messages: "a list", "text", ... */
    String kind();

    /** The value as plain Java maps, lists, strings, numbers and booleans; empty values are left out. */
    Object plain();

    /**
     * A mapping, its entries in the order written.
     *
     * @param joins per key, the keys without a value that followed its text on the same
     *              line and were joined into it: in {@code {text: Right, no more boxes.}}
     *              the comma ends the text and leaves a key {@code no more boxes.}
     */
    record Mapping(Map<String, Entry> entries, int line, Map<String, Join> joins) implements YamlNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            joins = Map.copyOf(joins);
        }

        Mapping(Map<String, Entry> entries, int line) {
            this(entries, line, Map.of());
        }

        @Override
        public String kind() {
            return "a mapping";
        }

        @Override
        public Map<String, Object> plain() {
            Map<String, Object> plain = new LinkedHashMap<>();
            entries.forEach((key, entry) -> {
                Object value = entry.value().plain();
                if (value != null) {
                    plain.put(key, value);
                }
            });
            return Collections.unmodifiableMap(plain);
        }

        /**
         * This mapping with the joins undone from the first joined key that is one of
         * {@code fields} on: such a key is the vendor's field, written without a value
         * ({@code {text: Foo, correct: }}), never the rest of a text. Its text ends before
         * it, and it and the keys after it become entries of their own, without value.
         * A key that then appears twice is reported.
         */
        Mapping separating(Collection<String> fields, String file, Problems problems) {
            if (joins.values().stream().flatMap(join -> join.keys().stream()).noneMatch(key -> fields.contains(key.key()))) {
                return this;
            }
            Map<String, Entry> separated = new LinkedHashMap<>();
            Map<String, Join> kept = new LinkedHashMap<>();
            List<Entry> freed = new ArrayList<>();
            for (Entry entry : entries.values()) {
                Join join = joins.get(entry.key());
                int cut = join == null ? -1 : join.firstOf(fields);
                if (cut < 0) {
                    separated.put(entry.key(), entry);
                    if (join != null) {
                        kept.put(entry.key(), join);
                    }
                    continue;
                }
                Scalar joined = (Scalar) entry.value();
                String text = join.text(cut);
                separated.put(entry.key(), new Entry(entry.key(), entry.line(), new Scalar(text, text, joined.line())));
                if (cut > 0) {
                    kept.put(entry.key(), new Join(join.base(), join.keys().subList(0, cut)));
                }
                freed.addAll(join.keys().subList(cut, join.keys().size()));
            }
            for (Entry key : freed) {
                Entry first = separated.get(key.key());
                if (first != null) {
                    problems.add(file, key.line(), Rule.YAML_DUPLICATE_KEY, "key '" + key.key()
                            + "' appears twice in the same mapping (first at line " + first.line() + ")");
                } else {
                    separated.put(key.key(), key);
                }
            }
            return new Mapping(separated, line, kept);
        }
    }

    /** One key of a mapping; {@code line} is the key's line. */
    record Entry(String key, int line, YamlNode value) {
    }

    /**
     * Keys joined into a text.
     *
     * @param base the text as written before the first joined key
     * @param keys the joined keys in order, each an entry without value
     */
    record Join(String base, List<Entry> keys) {

        public Join {
            keys = List.copyOf(keys);
        }

        /** The text with the first {@code count} keys joined. */
        String text(int count) {
            StringBuilder text = new StringBuilder(base);
            keys.subList(0, count).forEach(key -> text.append(", ").append(key.key()));
            return text.toString();
        }

        /** The index of the first key that is one of {@code fields}, or -1. */
        int firstOf(Collection<String> fields) {
            for (int i = 0; i < keys.size(); i++) {
                if (fields.contains(keys.get(i).key())) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }

        @Override
        public List<Object> plain() {
            List<Object> plain = new ArrayList<>();
            for (YamlNode item : items) {
                Object value = item.plain();
                if (value != null) {
                    plain.add(value);
                }
            }
            return Collections.unmodifiableList(plain);
        }
    }

    /**
     * A single value.
     *
     * @param value a String, Boolean, Long, BigInteger or Double, or {@code null} for an empty value
     * @param text  the value as written, before YAML typed it (for a number, its digits;
     *              for {@code no}, {@code no}); a quoted text without its quotes
     */
    record Scalar(Object value, String text, int line) implements YamlNode {

        @Override
        public String kind() {
            if (value == null) {
                return "an empty value";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "text";
        }

        @Override
        public Object plain() {
            return value;
        }
    }
}
