package com.acme.quiz.cloze.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import roadshow.quiz.api.QuestionProblem;

/**
 * The {@code text} of a cloze question, read: the text around its blanks and the blanks,
 * in the order written. A blank is written {@code [[answer]]}, or with the other answers
 * it accepts {@code [[answer|alternative|...]]}. Line breaks and runs of spaces count as
 * one space, as they do on the attempt page.
 *
 * @param around the text before each blank and, last, after the last one: one more than
 *               there are blanks
 * @param blanks the blanks, numbered from 1 in the order written
 */
record ClozeText(List<String> around, List<Blank> blanks) {

    static final String FIELD = "text";
    private static final String OPEN = "[[";
    private static final String CLOSE = "]]";
    private static final String OR = "|";
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** What a learner would take for one of the numbered gaps the blanks are shown as. */
    private static final Pattern GAP_LIKE = Pattern.compile("\\[\\d+\\]");

    ClozeText {
        around = List.copyOf(around);
        blanks = List.copyOf(blanks);
    }

    /**
     * One blank.
     *
     * @param number  its place in the text, from 1
     * @param answers the accepted answers, as written
     * @param matched the same, as {@link #normalize} makes them
     */
    record Blank(int number, List<String> answers, Set<String> matched) {

        Blank {
            answers = List.copyOf(answers);
            matched = Set.copyOf(matched);
        }

        /** {@code b1}, {@code b2}, ... by place: stable across attempts, and telling nothing the learner does not see. */
        String id() {
            return "b" + number;
        }

        /** What the learner sees in its place, whatever its answer: {@code [1]} for the first blank. */
        String gap() {
            return "[" + number + "]";
        }

        boolean accepts(String typed) {
            return matched.contains(normalize(typed));
        }
    }

    /** Reads the text, adding a problem on {@code text} for each thing wrong; {@code null} when there is one. */
    static ClozeText parse(String text, List<QuestionProblem> problems) {
        int before = problems.size();
        String written = SPACES.matcher(text).replaceAll(" ").strip();
        List<String> around = new ArrayList<>();
        List<Blank> blanks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = written.indexOf(OPEN, from);
            int close = written.indexOf(CLOSE, from);
            if (close >= 0 && (open < 0 || close < open)) {
                problem(problems, "has ']]' at character " + (close + 1) + " that closes no blank; a blank is written "
                        + "[[answer]] or [[answer|alternative]]");
                checkAround(written.substring(from, close), problems);
                from = close + CLOSE.length();
                continue;
            }
            if (open < 0) {
                around.add(checkAround(written.substring(from), problems));
                break;
            }
            int number = blanks.size() + 1;
            int end = written.indexOf(CLOSE, open + OPEN.length());
            if (end < 0) {
                problem(problems, "opens blank " + number + " with '[[' at character " + (open + 1)
                        + " but never closes it with ']]'");
                break;
            }
            around.add(checkAround(written.substring(from, open), problems));
            String inside = written.substring(open + OPEN.length(), end);
            if (inside.contains(OPEN)) {
                problem(problems, "has '[[' inside blank " + number + "; blanks do not nest: close each with ']]'");
            }
            blanks.add(blank(number, inside, problems));
            from = end + CLOSE.length();
        }
        if (blanks.isEmpty() && problems.size() == before) {
            problem(problems, "has no blank; write each blank as [[answer]], such as 'Users are added at [[any time]].'");
        }
        return problems.size() == before ? new ClozeText(around, blanks) : null;
    }

    private static Blank blank(int number, String inside, List<QuestionProblem> problems) {
        List<String> answers = new ArrayList<>();
        for (String answer : inside.split(Pattern.quote(OR), -1)) {
            if (normalize(answer).isEmpty()) {
                problem(problems, "has an empty answer in blank " + number + " ([[" + inside
                        + "]]); write [[answer]] or [[answer|alternative]]");
            } else {
                answers.add(answer.strip());
            }
        }
        Set<String> matched = answers.stream().map(ClozeText::normalize).collect(Collectors.toSet());
        return new Blank(number, answers, matched);
    }

    /** The text between blanks as written; it must not read like one of the gaps. */
    private static String checkAround(String text, List<QuestionProblem> problems) {
        Matcher gapLike = GAP_LIKE.matcher(text);
        if (gapLike.find()) {
            problem(problems, "holds '" + gapLike.group() + "' outside a blank, which the learner would take for a "
                    + "numbered blank (blanks are shown as [1], [2], ...); write it another way");
        }
        return text;
    }

    private static void problem(List<QuestionProblem> problems, String message) {
        problems.add(new QuestionProblem(FIELD, "'" + FIELD + "' " + message));
    }

    /**
     * The text as answers are compared: Unicode-composed (NFKC, so an accent typed as one
     * character or two is the same), without any whitespace, case folded. Upper then lower
     * case folds what lower case alone does not, such as ß and SS.
     */
    static String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return SPACES.matcher(composed).replaceAll("").toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The text with each blank shown as its numbered gap. */
    String withGaps() {
        StringBuilder shown = new StringBuilder(around.get(0));
        for (int i = 0; i < blanks.size(); i++) {
            shown.append(blanks.get(i).gap()).append(around.get(i + 1));
        }
        return shown.toString();
    }
}
