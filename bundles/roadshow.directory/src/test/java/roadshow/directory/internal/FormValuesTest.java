package roadshow.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The small readings of forms and paths the pages share. */
class FormValuesTest {

    @Test
    void aTokensScopeIsOneOrganisationOrOneVendor() {
        assertThat(TokenScope.parse("org:north")).contains(TokenScope.org("north"));
        assertThat(TokenScope.parse("vendor:acme")).contains(TokenScope.vendor("acme"));
        assertThat(TokenScope.org("north").value()).isEqualTo("org:north");
        assertThat(TokenScope.vendor("acme").value()).isEqualTo("vendor:acme");
        for (String malformed : new String[] {null, "", "org:", "vendor:", "north", "team:north", "ORG:north"}) {
            assertThat(TokenScope.parse(malformed)).as(malformed).isEmpty();
        }
    }

    @Test
    void domainsAreSeparatedByCommasSpacesOrLinesWithBlanksAndRepeatsDropped() {
        assertThat(OrganisationPage.domains(" north.example, north.example.co.uk;south.example\n north.example ,, "))
                .containsExactly("north.example", "north.example.co.uk", "south.example");
        assertThat(OrganisationPage.domains("")).isEmpty();
        assertThat(OrganisationPage.domains("  ")).isEmpty();
        assertThat(OrganisationPage.domains(null)).isEmpty();
    }

    @Test
    void aPageIdIsTheOneSegmentAfterThePattern() {
        assertThat(Paths.segment((String) null)).isEmpty();
        assertThat(Paths.segment("/")).isEmpty();
        assertThat(Paths.segment("/3f1c0a52-4c1e-4b8e-9a51-0d5f4f9c2b11")).isEqualTo("3f1c0a52-4c1e-4b8e-9a51-0d5f4f9c2b11");
        assertThat(Paths.segment("/north")).isEqualTo("north");
        assertThat(Paths.segment("/north/people")).isNull();
        assertThat(Paths.segment("/north/")).isNull();
        assertThat(Paths.segment("//")).isNull();
        assertThat(Paths.segment("/" + "x".repeat(65))).isNull();
    }

    @Test
    void theDashboardCountsPageByPageAndStopsAtItsLimit() {
        List<String> ids = IntStream.range(0, 1234).mapToObj(i -> String.format("%05d", i)).toList();
        List<String> asked = new ArrayList<>();
        String count = AdminHome.count((after, limit) -> {
            asked.add(after);
            return ids.stream().filter(id -> after == null || id.compareTo(after) > 0).limit(limit).toList();
        }, id -> id);

        assertThat(count).isEqualTo("1,234");
        assertThat(asked).containsExactly(null, "00499", "00999");

        List<String> many = IntStream.range(0, 20_000).mapToObj(i -> String.format("%05d", i)).toList();
        assertThat(AdminHome.count((after, limit) -> many.stream().filter(id -> after == null || id.compareTo(after) > 0)
                .limit(limit).toList(), id -> id)).isEqualTo("10,000+");
        assertThat(AdminHome.count((after, limit) -> List.<String>of(), id -> id)).isEqualTo("0");
    }

    @Test
    void theDashboardSaysOneOrMany() {
        assertThat(AdminHome.phrase("1", "person", "people")).isEqualTo("1 person");
        assertThat(AdminHome.phrase("0", "person", "people")).isEqualTo("0 people");
        assertThat(AdminHome.phrase("10,000+", "person", "people")).isEqualTo("10,000+ people");
    }
}
