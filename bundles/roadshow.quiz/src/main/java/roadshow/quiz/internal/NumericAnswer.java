package roadshow.quiz.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.List;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import roadshow.quiz.api.Grade;
import roadshow.quiz.api.PreparedQuestion;
import roadshow.quiz.api.Presented;
import roadshow.quiz.api.QuestionType;

/**
 * {@code type: numeric}: the learner gives a number, which is right when it is no further
 * from {@code answer} than {@code tolerance} (0 when absent), both ends included. The
 * comparison is decimal, so 7.7 is within 0.1 of 7.6 as the vendor meant it to be, which
 * in binary floating point it is not.
 */
@Component(service = QuestionType.class, property = QuestionType.TYPE_PROPERTY + "=" + NumericAnswer.ID)
public class NumericAnswer extends BuiltInQuestionType<NumericAnswer.Prepared> {

    static final String ID = "numeric";

    record Prepared(String id, String prompt, double points, BigDecimal answer, BigDecimal tolerance)
            implements PreparedQuestion {

        @Override
        public String type() {
            return ID;
        }
    }

    public NumericAnswer() {
        super(ID, Prepared.class, "value", "{\"value\": <number>}");
    }

    @Override
    Prepared read(Definition fields, Definition.Header header) {
        BigDecimal answer = fields.requiredNumber("answer");
        BigDecimal tolerance = fields.number("tolerance");
        if (tolerance != null && tolerance.signum() < 0) {
            fields.problem("tolerance", "'tolerance' must be 0 or more, not " + tolerance.toPlainString());
        }
        return new Prepared(header.id(), header.prompt(), header.points(), answer,
                tolerance == null ? BigDecimal.ZERO : tolerance);
    }

    @Override
    Presented show(Prepared question, boolean shuffle, RandomGenerator random) {
        return Presented.prompt(question);
    }

    @Override
    JsonNode formValue(Presented question, Map<String, List<String>> fields) {
        String written = formField(fields, "");
        if (written == null) {
            return null;
        }
        // "2,5" is how half the world writes 2.5
        String number = written.indexOf('.') < 0 && written.chars().filter(c -> c == ',').count() == 1
                ? written.replace(',', '.') : written;
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(number));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(written);
        }
    }

    @Override
    void check(Prepared question, JsonNode value, List<String> problems) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            problems.add("'value' must be a number, not " + describe(value));
        }
    }

    @Override
    Grade score(Prepared question, JsonNode value) {
        BigDecimal given = decimal(value);
        boolean right = given.subtract(question.answer()).abs().compareTo(question.tolerance()) <= 0;
        return right ? Grade.right(question.points(), List.of()) : Grade.wrong(question.points(), List.of());
    }

    /**
     * The number as the learner wrote it. A whole number is taken exactly, a fraction
     * through its double's shortest decimal form (exact for anything a person types)
     * unless the parser kept it as a decimal of sensible scale: a BigDecimal such as
     * 1e-999999999 would make the subtraction build a billion-digit number.
     */
    private static BigDecimal decimal(JsonNode value) {
        if (value.isIntegralNumber()) {
            return new BigDecimal(value.bigIntegerValue());
        }
        if (value.isBigDecimal() && Math.abs(value.decimalValue().scale()) <= 1000) {
            return value.decimalValue();
        }
        return BigDecimal.valueOf(value.doubleValue());
    }
}
