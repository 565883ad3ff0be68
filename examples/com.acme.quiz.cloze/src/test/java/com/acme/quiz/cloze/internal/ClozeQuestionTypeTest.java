package com.acme.quiz.cloze.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.Option;
import roadshow.quiz.api.Preparation;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionProblem;

class ClozeQuestionTypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Users can be added at [[any time|anytime]], but the count only goes down at [[renewal]].";

    private final ClozeQuestionType type = new ClozeQuestionType();

    /** A cloze question's definition as the content model gives it, with these fields changed (a null removes one). */
    private static Map<String, Object> definition(Object... changes) {
        Map<String, Object> definition = new HashMap<>(Map.of("id", "commitment", "type", "cloze", "points", 2L,
                "prompt", "Fill in the blanks.", "text", TEXT, "feedback", "Users go up any month, down only at renewal."));
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                definition.remove((String) changes[i]);
            } else {
                definition.put((String) changes[i], changes[i + 1]);
            }
        }
        return definition;
    }

    private PreparedQuestion ready(Object... changes) {
        Preparation preparation = type.prepare(definition(changes));
        assertThat(preparation.problems()).isEmpty();
        return preparation.question();
    }

    private List<QuestionProblem> problems(Object... changes) {
        Preparation preparation = type.prepare(definition(changes));
        assertThat(preparation.isReady()).isFalse();
        return preparation.problems();
    }

    /** An answer body, written with single quotes for readability. */
    private static JsonNode answer(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String sent(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }

    @Nested
    class Reading {

        @Test
        void aTextWithBlanksIsAQuestionOfTheBlanksInOrder() {
            ClozeQuestion question = (ClozeQuestion) ready();
            assertThat(question.type()).isEqualTo("cloze");
            assertThat(question.points()).isEqualTo(2.0);
            assertThat(question.text().blanks()).extracting(ClozeText.Blank::id, ClozeText.Blank::answers).containsExactly(
                    tuple("b1", List.of("any time", "anytime")), tuple("b2", List.of("renewal")));
            assertThat(question.text().around())
                    .containsExactly("Users can be added at ", ", but the count only goes down at ", ".");
        }

        @Test
        void pointsDefaultToOneAndPartialToFalse() {
            ClozeQuestion question = (ClozeQuestion) ready("points", null, "feedback", null);
            assertThat(question.points()).isEqualTo(1.0);
            assertThat(question.partial()).isFalse();
            assertThat(question.feedback()).isNull();
        }

        @Test
        void theCommonFieldsAreRequiredAndChecked() {
            assertThat(problems("id", null, "prompt", " ", "points", -1L, "type", "text"))
                    .extracting(QuestionProblem::field, QuestionProblem::message).containsExactlyInAnyOrder(
                            tuple("id", "'id' is required"),
                            tuple("prompt", "'prompt' must not be empty"),
                            tuple("points", "'points' must be 0 or more, not -1"),
                            tuple("type", "'type' is 'text', but this question type is 'cloze'"));
            assertThat(problems("points", "two")).extracting(QuestionProblem::field).containsExactly("points");
            assertThat(problems("points", Double.NaN)).extracting(QuestionProblem::field).containsExactly("points");
        }

        @Test
        void theTextIsRequiredAndMustBeText() {
            assertThat(problems("text", null)).extracting(QuestionProblem::field, QuestionProblem::message)
                    .containsExactly(tuple("text", "'text' is required"));
            // what YAML makes of an unquoted text that starts with [[
            assertThat(problems("text", List.of(List.of("renewal")))).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("text");
                assertThat(problem.message()).contains("must be text, not a list").contains("quote");
            });
        }

        @Test
        void partialAndFeedbackMustBeOfTheirKind() {
            assertThat(problems("partial", "yes", "feedback", 3L)).extracting(QuestionProblem::field, QuestionProblem::message)
                    .containsExactly(tuple("partial", "'partial' must be true or false, not the text 'yes'"),
                            tuple("feedback", "'feedback' must be text, not 3"));
        }

        @Test
        void anUnknownFieldIsNamed() {
            assertThat(problems("answers", List.of("renewal"), "feedbak", "x"))
                    .extracting(QuestionProblem::field).containsExactly("answers", "feedbak");
            assertThat(problems("feedbak", "x").get(0).message())
                    .isEqualTo("unknown field 'feedbak'; a cloze question has id, type, prompt, points, text, partial, feedback");
        }

        @Test
        void aTextWithoutBlanksIsRefused() {
            assertThat(problems("text", "Users can be added at any time.")).extracting(QuestionProblem::field, QuestionProblem::message)
                    .containsExactly(tuple("text",
                            "'text' has no blank; write each blank as [[answer]], such as 'Users are added at [[any time]].'"));
        }

        @Test
        void aBlankMustBeClosed() {
            assertThat(problems("text", "Added at [[any time, removed at [[renewal]].")).extracting(QuestionProblem::message)
                    .containsExactly("'text' has '[[' inside blank 1; blanks do not nest: close each with ']]'");
            assertThat(problems("text", "Added at [[any time]], removed at [[renewal.")).extracting(QuestionProblem::message)
                    .containsExactly("'text' opens blank 2 with '[[' at character 35 but never closes it with ']]'");
        }

        @Test
        void aCloseWithoutABlankIsRefused() {
            assertThat(problems("text", "Added at any time]], removed at [[renewal]].")).extracting(QuestionProblem::field,
                    QuestionProblem::message).containsExactly(tuple("text", "'text' has ']]' at character 18 that closes no "
                            + "blank; a blank is written [[answer]] or [[answer|alternative]]"));
        }

        @Test
        void everyAnswerOfABlankHasText() {
            assertThat(problems("text", "Added at [[]], removed at [[renewal| ]].")).extracting(QuestionProblem::message)
                    .containsExactly(
                            "'text' has an empty answer in blank 1 ([[]]); write [[answer]] or [[answer|alternative]]",
                            "'text' has an empty answer in blank 2 ([[renewal| ]]); write [[answer]] or [[answer|alternative]]");
        }

        @Test
        void theTextMayNotHoldWhatLooksLikeANumberedBlank() {
            assertThat(problems("text", "See note [2]: users are added at [[any time]].")).extracting(QuestionProblem::field)
                    .containsExactly("text");
            ready("text", "Users [a] are added at [[any time]] [sic].");
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            assertThat(problems("id", null, "text", "A [[]] B ]] C [[x")).extracting(QuestionProblem::field)
                    .containsExactly("id", "text", "text", "text");
        }

        @Test
        void aMissingDefinitionIsRefusedNotThrown() {
            assertThat(type.prepare(null).problems()).extracting(QuestionProblem::field).contains("id", "prompt", "text");
        }
    }

    @Nested
    class Presenting {

        @Test
        void theLearnerSeesTheTextWithNumberedGapsAndNoAnswer() throws Exception {
            Presented presented = type.present(ready(), true, new SplittableRandom(7));
            assertThat(presented.prompt()).isEqualTo("Fill in the blanks.\n\n"
                    + "Users can be added at [1], but the count only goes down at [2].");
            assertThat(presented.items()).containsExactly(new Option("b1", "[1]"), new Option("b2", "[2]"));
            assertThat(presented.points()).isEqualTo(2.0);
            assertThat(presented.choices()).isEmpty();
            String json = sent(presented).toLowerCase();
            assertThat(json).doesNotContain("any time", "anytime", "renewal", "[[", "feedback", "users go up");
        }

        @Test
        void gapsAreTheSameWhateverTheAnswerAndTheAttempt() {
            PreparedQuestion shortAnswers = ready("text", "A [[b]] c [[d]].");
            PreparedQuestion longAnswers = ready("text", "A [[a much longer answer]] c [[another long answer]].");
            Presented one = type.present(shortAnswers, true, new SplittableRandom(1));
            Presented other = type.present(longAnswers, false, new SplittableRandom(2));
            assertThat(one).isEqualTo(other);
            assertThat(type.controls(one, null, "a.q")).isEqualTo(type.controls(other, null, "a.q"));
        }

        @Test
        void lineBreaksInTheTextAreShownAsSpaces() {
            Presented presented = type.present(ready("text", "Users are added\nat  [[any time]]\n\nand removed at [[renewal]]."),
                    false, new SplittableRandom(1));
            assertThat(presented.prompt()).endsWith("\n\nUsers are added at [1] and removed at [2].");
        }

        @Test
        void aQuestionOfAnotherTypeIsNotHandled() {
            PreparedQuestion other = new PreparedQuestion() {
                public String id() { return "q1"; }
                public String type() { return "text"; }
                public String prompt() { return "?"; }
                public double points() { return 1; }
            };
            assertThatIllegalArgumentException().isThrownBy(() -> type.present(other, false, new SplittableRandom(1)))
                    .withMessageContaining("text question q1");
        }
    }

    @Nested
    class Answering {

        private final PreparedQuestion question = ready();

        @Test
        void anAnswerMapsBlankIdsToText() {
            assertThat(type.checkAnswer(question, answer("{'blanks': {'b1': 'any time', 'b2': 'renewal'}}"))).isEmpty();
            assertThat(type.checkAnswer(question, answer("{'blanks': {'b2': ''}}"))).as("blanks may be left out").isEmpty();
            assertThat(type.checkAnswer(question, answer("{'blanks': {}}"))).isEmpty();
        }

        @Test
        void answersOfAnotherShapeAreRefusedWithTheShape() {
            for (String wrong : List.of("{'text': 'renewal'}", "{'blanks': {'b1': 'x'}, 'extra': 1}", "['renewal']", "'renewal'",
                    "{}")) {
                assertThat(type.checkAnswer(question, answer(wrong))).as(wrong).singleElement().asString()
                        .startsWith("an answer to a cloze question is {\"blanks\": {\"b1\": \"<text>\", ...}}, not ");
            }
            assertThat(type.checkAnswer(question, null)).singleElement().asString().endsWith("not nothing");
            assertThat(type.checkAnswer(question, answer("{'blanks': ['any time', 'renewal']}"))).containsExactly(
                    "'blanks' must map blank ids to the text typed in each, not [\"any time\",\"renewal\"]");
        }

        @Test
        void unknownBlanksAndValuesThatAreNotTextAreRefused() {
            assertThat(type.checkAnswer(question, answer("{'blanks': {'b3': 'x', 'b1': 42, 'b2': null}}"))).containsExactly(
                    "'blanks' holds 'b3', which is not one of this question's blanks (b1, b2)",
                    "'blanks' must give what was typed in 'b1' as a string, not 42",
                    "'blanks' must give what was typed in 'b2' as a string, not null");
        }

        @Test
        void theFormGivesTheAnswerBody() {
            Presented presented = type.present(question, false, new SplittableRandom(1));
            JsonNode body = type.readForm(presented, Map.of("b1", List.of("  any time "), "b2", List.of(""), "b9", List.of("x"),
                    "", List.of("y")));
            assertThat(body).isEqualTo(answer("{'blanks': {'b1': 'any time', 'b2': ''}}"));
            assertThat(type.checkAnswer(question, body)).isEmpty();
            assertThat(type.readForm(presented, Map.of())).as("nothing answered").isNull();
        }
    }

    @Nested
    class Grading {

        private final PreparedQuestion question = ready();
        private final PreparedQuestion partial = ready("partial", true, "points", 3L, "feedback", null,
                "text", "[[Discover]], [[propose|offer]], [[close]].");

        @Test
        void everyBlankRightEarnsThePointsWithTheFeedback() {
            Grade grade = type.grade(question, answer("{'blanks': {'b1': 'anytime', 'b2': 'renewal'}}"));
            assertThat(grade).isEqualTo(new Grade(2, 2, true, List.of("Users go up any month, down only at renewal.")));
        }

        @Test
        void answersMatchWhateverTheirCaseAndWhitespace() {
            assertThat(type.grade(question, answer("{'blanks': {'b1': '  ANY\\tTime ', 'b2': 'Re newal'}}")).correct()).isTrue();
            assertThat(type.grade(question, answer("{'blanks': {'b1': 'any\\u00a0time', 'b2': 'RENEWAL'}}")).correct()).isTrue();
            PreparedQuestion street = ready("text", "Acme's office is in the [[Hauptstraße]], at [[caf\u00e9]] Sonne.");
            assertThat(type.grade(street, answer("{'blanks': {'b1': 'HAUPTSTRASSE', 'b2': 'Cafe\\u0301'}}")).correct()).isTrue();
        }

        @Test
        void withoutPartialOneWrongBlankEarnsNothing() {
            Grade grade = type.grade(question, answer("{'blanks': {'b1': 'any time', 'b2': 'never'}}"));
            assertThat(grade.correct()).isFalse();
            assertThat(grade.points()).isZero();
            assertThat(grade.feedback()).containsExactly("Users go up any month, down only at renewal.");
        }

        @Test
        void withPartialEachRightBlankEarnsItsShare() {
            assertThat(type.grade(partial, answer("{'blanks': {'b1': 'discover', 'b2': 'Offer', 'b3': 'wait'}}")))
                    .isEqualTo(new Grade(2, 3, false, List.of()));
            assertThat(type.grade(partial, answer("{'blanks': {'b3': 'close'}}")).points()).as("blanks left out are wrong")
                    .isEqualTo(1.0);
            assertThat(type.grade(partial, answer("{'blanks': {'b1': 'x', 'b2': 'y', 'b3': ''}}")).points()).isZero();
            assertThat(type.grade(partial, answer("{'blanks': {'b1': 'Discover', 'b2': 'propose', 'b3': 'close'}}")))
                    .isEqualTo(new Grade(3, 3, true, List.of()));
        }

        @Test
        void noAnswerAndMalformedAnswersAreGradedWrongNeverThrown() {
            for (JsonNode wrong : new JsonNode[] {null, answer("null"), answer("{'blanks': ['anytime', 'renewal']}"),
                    answer("{'blanks': {'b1': 'anytime', 'b2': 'renewal', 'b3': 'x'}}"), answer("{'blanks': {'b1': 7}}"),
                    answer("'anytime renewal'"), answer("{'choice': 'a'}")}) {
                assertThat(type.grade(partial, wrong)).as(String.valueOf(wrong)).isEqualTo(new Grade(0, 3, false, List.of()));
                assertThat(type.grade(question, wrong).points()).isZero();
            }
        }
    }

    @Nested
    class Controls {

        private final PreparedQuestion question = ready();
        private final Presented presented = type.present(question, false, new SplittableRandom(1));

        @Test
        void theHeadingIsThePromptWithoutTheTextTheControlsShow() {
            assertThat(type.heading(presented)).isEqualTo(question.prompt());
            assertThat(presented.prompt()).startsWith(question.prompt()).contains("Users can be added at");
        }

        @Test
        void oneTextFieldPerBlankInTheSentenceNamedAfterTheQuestion() {
            assertThat(type.controls(presented, null, "a.commitment")).contains("<p class=\"cloze\">Users can be added at "
                    + "<input type=\"text\" name=\"a.commitment.b1\" value=\"\" aria-label=\"Blank 1\" size=\"14\" "
                    + "autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\">, but the count only goes down at "
                    + "<input type=\"text\" name=\"a.commitment.b2\" value=\"\" aria-label=\"Blank 2\" size=\"14\" "
                    + "autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\">.</p>");
        }

        @Test
        void theSavedAnswerIsFilledIn() {
            String html = type.controls(presented, answer("{'blanks': {'b2': 'at renewal'}}"), "a.commitment").orElseThrow();
            assertThat(html).contains("name=\"a.commitment.b1\" value=\"\"").contains("name=\"a.commitment.b2\" value=\"at renewal\"");
        }

        @Test
        void everyTextIsEscapedAndNothingRuns() {
            PreparedQuestion risky = ready("text", "Type <b>\"bold\"</b> & [[<script>alert(1)</script>]] 'here'.");
            Presented shown = type.present(risky, false, new SplittableRandom(1));
            String html = type.controls(shown, answer("{'blanks': {'b1': '\\u0022><script>alert(2)</script>'}}"), "a.q\"1")
                    .orElseThrow();
            assertThat(html).contains("Type &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; <input")
                    .contains("name=\"a.q&quot;1.b1\"")
                    .contains("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"")
                    .contains("&#39;here&#39;.</p>");
            assertThat(html).doesNotContain("<script", "<b>", "style", "alert(1)");
        }

        @Test
        void controlsHoldNoAnswer() {
            String html = type.controls(presented, null, "a.commitment").orElseThrow().toLowerCase();
            assertThat(html).doesNotContain("any time", "anytime", "renewal", "users go up");
        }

        @Test
        void gapsNotFoundInTheTextStillGetAField() {
            Presented changed = new Presented("commitment", "cloze", "Fill in.\n\nNo gaps here.", 2, null,
                    presented.items(), null, null);
            assertThat(type.controls(changed, answer("{'blanks': {'b1': 'x'}}"), "a.c").orElseThrow()).isEqualTo(
                    "<p class=\"cloze\">No gaps here.</p>"
                            + "<p class=\"cloze\"><label>[1] <input type=\"text\" name=\"a.c.b1\" value=\"x\" aria-label=\"Blank 1\" "
                            + "size=\"14\" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\"></label></p>"
                            + "<p class=\"cloze\"><label>[2] <input type=\"text\" name=\"a.c.b2\" value=\"\" aria-label=\"Blank 2\" "
                            + "size=\"14\" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\"></label></p>");
        }
    }
}
