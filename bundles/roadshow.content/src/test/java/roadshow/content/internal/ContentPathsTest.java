package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lessons/01-welcome.md", "assets/img/a b.png", "i18n/de/lessons/x.md", "a..b/c"})
    void acceptsRelativePathsThatStayInside(String path) {
        assertThat(ContentPaths.check(path)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "../x.md, PATH_OUTSIDE",
            "lessons/../../x.md, PATH_OUTSIDE",
            "/etc/passwd, PATH_OUTSIDE",
            "lessons\\x.md, PATH_OUTSIDE",
            "C:/x.md, PATH_OUTSIDE",
            "https://evil.example/x.md, PATH_OUTSIDE",
            "lessons//x.md, PATH_INVALID",
            "./lessons/x.md, PATH_INVALID",
            "lessons/, PATH_INVALID",
    })
    void refusesPathsThatLeaveOrAreAmbiguous(String path, Rule rule) {
        assertThat(ContentPaths.check(path).rule()).isEqualTo(rule);
    }

    @org.junit.jupiter.api.Test
    void refusesAnEmptyPath() {
        assertThat(ContentPaths.check("").rule()).isEqualTo(Rule.PATH_INVALID);
    }
}
