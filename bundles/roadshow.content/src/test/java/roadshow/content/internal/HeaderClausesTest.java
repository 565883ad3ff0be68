package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HeaderClausesTest {

    @Test
    void parsesClausesWithQuotedValuesTypesAndDirectives() {
        List<HeaderClauses.Clause> clauses = HeaderClauses.parse(
                "roadshow.course;roadshow.course=\"example/cloud-basics\";version:Version=\"1.2.0\", "
                        + "osgi.extender; filter:=\"(&(osgi.extender=roadshow.content)(version>=1.0))\"");

        assertThat(clauses).containsExactly(
                new HeaderClauses.Clause(List.of("roadshow.course"),
                        Map.of("roadshow.course", "example/cloud-basics", "version", "1.2.0"), Map.of()),
                new HeaderClauses.Clause(List.of("osgi.extender"), Map.of(),
                        Map.of("filter", "(&(osgi.extender=roadshow.content)(version>=1.0))")));
    }

    @Test
    void keepsCommasAndSemicolonsInsideQuotes() {
        assertThat(HeaderClauses.parse("ns;a=\"x, y; z\";b=\"say \\\"hi\\\"\"").get(0).attributes())
                .isEqualTo(Map.of("a", "x, y; z", "b", "say \"hi\""));
    }

    @Test
    void refusesMalformedHeaders() {
        assertThatIllegalArgumentException().isThrownBy(() -> HeaderClauses.parse("ns;a=\"unterminated"));
        assertThatIllegalArgumentException().isThrownBy(() -> HeaderClauses.parse("a=1"));
        assertThatIllegalArgumentException().isThrownBy(() -> HeaderClauses.parse("ns;a=1;name"));
        assertThatIllegalArgumentException().isThrownBy(() -> HeaderClauses.parse("ns,,other"));
    }
}
