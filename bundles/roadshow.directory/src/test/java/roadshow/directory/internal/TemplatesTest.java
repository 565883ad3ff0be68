package roadshow.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import freemarker.template.TemplateException;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Person;

/**
 * The directory's templates, rendered inside the web bundle's shared layout (from the
 * roadshow.web JAR on the class path) with FreeMarker set up as roadshow.web sets it up.
 */
class TemplatesTest {

    private static final Instant MARCH = Instant.parse("2025-03-14T09:26:53Z");
    private static final Person ADA = new Person("p-ada", "ada@north.example", "Ada <Lovelace>", "north", true, false, MARCH);
    private static final Organisation NORTH = new Organisation("north", "North & Co", "group", List.of("north.example"), MARCH);
    private static final String CSRF = "csrf-token-1";

    @Test
    void theDashboardLinksToEveryAdminPage() throws Exception {
        String html = render("admin.ftlh", Map.of("tiles", List.of(
                new AdminHome.Tile("People", "/admin/people", "12 people", "Accounts."),
                new AdminHome.Tile("Audit log", "/admin/audit", null, "Who did what."))));

        assertThat(html).contains("<title>Admin · Roadshow</title>")
                .contains("<a href=\"/admin/people\">People</a>").contains("<p class=\"count\">12 people</p>")
                .contains("<a href=\"/admin/audit\">Audit log</a>");
    }

    @Test
    void thePeopleListLinksEachPersonAndPagesOn() throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("people", List.of(new PeoplePages.PersonRow("p-ada", "Ada <Lovelace>", "ada@north.example", "north", "North & Co",
                List.of("admin of North & Co"), true), new PeoplePages.PersonRow("p-bo", "Bo", "bo@example.com", null, "", List.of(), false)));
        model.put("email", "");
        model.put("searched", false);
        model.put("nextHref", "/admin/people?after=p-bo");
        model.put("firstHref", "");

        String html = render("people.ftlh", model);

        assertThat(html).contains("<th scope=\"row\"><a href=\"/admin/people/p-ada\">Ada &lt;Lovelace&gt;</a></th>")
                .contains("<a href=\"/orgs/north\">North &amp; Co</a>")
                .contains("<td>admin of North &amp; Co</td>")
                .contains("<td>learner</td>").contains("<td>none</td>").contains("<td>not yet</td>")
                .contains("<th scope=\"col\">E-mail</th>")
                .contains("href=\"/admin/people?after=p-bo\" rel=\"next\">Next page →</a>")
                .contains("<label for=\"email\">");
    }

    @Test
    void aSearchThatFindsNobodySaysSo() throws Exception {
        String html = render("people.ftlh", Map.of("people", List.of(), "email", "x@<y>", "searched", true, "nextHref", "", "firstHref", ""));

        assertThat(html).contains("Nobody has the address x@&lt;y&gt;.").doesNotContain("<table");
    }

    @Test
    void aPersonsPageOffersOnlyTheRolesTheEditorMayChange() throws Exception {
        String html = render("person.ftlh", personModel(List.of(new Choice("org-admin:north", "admin of North & Co", true)),
                List.of("platform admin", "author at Acme"), List.of(new Choice("north-east", "North East (north-east)", false)),
                List.of(), Map.of()));

        assertThat(html)
                .contains("<input type=\"checkbox\" id=\"role-0\" name=\"role\" value=\"org-admin:north\" checked>")
                .contains("<label for=\"role-0\">admin of North &amp; Co</label>")
                .contains("<li>platform admin</li>").contains("<li>author at Acme</li>")
                .contains("<select id=\"f-addOrgAdmin\" name=\"addOrgAdmin\"")
                .contains("<option value=\"north-east\">North East (north-east)</option>")
                .doesNotContain("addVendorAuthor")
                .contains("<input type=\"hidden\" name=\"action\" value=\"roles\">")
                .contains("<input type=\"hidden\" name=\"action\" value=\"move\">")
                .contains("<option value=\"north\" selected>North &amp; Co (north)</option>")
                .contains("<time datetime=\"2025-03-14T09:26:53Z\">14 Mar 2025, 09:26 UTC</time>")
                .contains("<a href=\"/orgs/north\">North &amp; Co</a>");
        assertEveryPostFormCarriesTheCsrfToken(html);
    }

    @Test
    void aPersonWhoseRolesTheEditorMayNotChangeHasNoRolesForm() throws Exception {
        String html = render("person.ftlh", personModel(List.of(), List.of("platform admin"), List.of(), List.of(), Map.of()));

        assertThat(html).doesNotContain("value=\"roles\"").contains("Holds, which you may not change:")
                .contains("value=\"move\"");
    }

    @Test
    void aRefusedRoleChangeIsShownAtTheRolesAndInTheSummary() throws Exception {
        String html = render("person.ftlh", personModel(List.of(), List.of(), List.of(new Choice("north", "North (north)", false)),
                List.of(new Choice("acme", "Acme (acme)", false)), Map.of("roles", "There is no org 'gone'.")));

        assertThat(html).contains("<a href=\"#f-roles\">There is no org &#39;gone&#39;.</a>")
                .contains("<fieldset class=\"choices\" id=\"f-roles\" aria-describedby=\"e-roles\">")
                .contains("<p class=\"error\" id=\"e-roles\">")
                .contains("name=\"addVendorAuthor\"");
    }

    @Test
    void theOrganisationsFormKeepsWhatWasTypedAndMarksTheFieldAtFault() throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("orgs", List.of(new OrganisationsPage.OrgRow("north", "North & Co", "group", "Group", List.of("north.example", "n.example"))));
        model.put("nextHref", "");
        model.put("firstHref", "");
        model.put("form", new OrganisationsPage.Form("North", "North again", "group", "north.example"));
        model.put("parents", List.of(new Choice("", "None: a top-level organisation", false), new Choice("group", "Group (group)", true)));
        model.put("errors", Map.of("id", "Use 1 to 64 lowercase letters."));

        String html = render("orgs.ftlh", model);

        assertThat(html).contains("<a href=\"/orgs/north\">North &amp; Co</a>").contains("<td>north.example, n.example</td>")
                .contains("<a href=\"/orgs/group\">Group</a>")
                .contains("<div class=\"field invalid\">")
                .contains("<p class=\"error\" id=\"e-id\">Use 1 to 64 lowercase letters.</p>")
                .contains("name=\"id\" type=\"text\" value=\"North\"")
                .contains("aria-invalid=\"true\"")
                .contains("<option value=\"group\" selected>Group (group)</option>")
                .contains("value=\"North again\"");
        assertEveryPostFormCarriesTheCsrfToken(html);
    }

    @Test
    void aMemberSeesTheOrganisationButNotItsPeopleNorItsForms() throws Exception {
        String html = render("org.ftlh", orgModel(false, false));

        assertThat(html).contains("<h1>North &amp; Co</h1>").contains("<dd>north.example</dd>").contains("North East")
                .doesNotContain("<a href=\"/orgs/north-east\">")
                .doesNotContain("Invite a colleague").doesNotContain("<form method=\"post\"").doesNotContain("ada@north.example");
    }

    @Test
    void anOrgAdminSeesThePeopleAndMayInviteAndClaimButNotSetDomains() throws Exception {
        Map<String, Object> model = orgModel(true, false);
        model.put("done", "Invitation sent to cy@north.example.");

        String html = render("org.ftlh", model);

        assertThat(html).contains("<a href=\"/admin/people/p-ada\">Ada &lt;Lovelace&gt;</a>")
                .contains("<a href=\"/orgs/north-east\">North East</a>")
                .contains("<div role=\"status\"><p class=\"notice\">Invitation sent to cy@north.example.</p></div>")
                .contains("value=\"invite\"").contains("value=\"claim\"").contains("Claim everyone at our domains")
                .doesNotContain("value=\"domains\"");
        assertEveryPostFormCarriesTheCsrfToken(html);
    }

    @Test
    void aPlatformAdminAlsoSetsTheDomains() throws Exception {
        String html = render("org.ftlh", orgModel(true, true));

        assertThat(html).contains("value=\"domains\"").contains("name=\"domains\" type=\"text\" value=\"north.example\"");
        assertEveryPostFormCarriesTheCsrfToken(html);
    }

    @Test
    void theVendorsListShowsEachVendorsAuthors() throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("vendors", List.of(new VendorsPage.VendorRow("acme", "Acme", When.of(MARCH),
                List.of(new VendorsPage.Author("p-ada", "Ada <Lovelace>", "ada@north.example")))));
        model.put("id", "");
        model.put("name", "");
        model.put("errors", Map.of());

        String html = render("vendors.ftlh", model);

        assertThat(html).contains("<tr id=\"vendor-acme\">").contains("<a href=\"/admin/people/p-ada\">Ada &lt;Lovelace&gt;</a>")
                .contains("action=\"/admin/vendors\"");
        assertEveryPostFormCarriesTheCsrfToken(html);
    }

    @Test
    void aNewTokensSecretIsShownWithTheWarningThatItWillNotBeShownAgain() throws Exception {
        Map<String, Object> model = tokensModel();
        model.put("issued", new TokensPage.Issued("HR sync", "the organisation North & Co", "rs_abc_secret"));

        String html = render("tokens.ftlh", model);

        assertThat(html).contains("<p class=\"secret\" id=\"secret\">rs_abc_secret</p>")
                .contains("Its secret will not be shown again");
        assertThat(html.split("rs_abc_secret", -1)).hasSize(2);
        assertEveryPostFormCarriesTheCsrfToken(html);
    }

    @Test
    void onlyAnActiveTokenHasARevokeButton() throws Exception {
        String html = render("tokens.ftlh", tokensModel());

        assertThat(html).contains("<input type=\"hidden\" name=\"token\" value=\"t-live\">")
                .doesNotContain("value=\"t-dead\"")
                .contains("<span class=\"state refused\">revoked</span>")
                .contains("<td>never</td>")
                .contains("<optgroup label=\"Organisations\"><option value=\"org:north\" selected>North (north)</option></optgroup>")
                .contains("<optgroup label=\"Vendors\"><option value=\"vendor:acme\">Acme (acme)</option></optgroup>")
                .doesNotContain("class=\"secret\"");
        assertEveryPostFormCarriesTheCsrfToken(html);
    }

    private static Map<String, Object> personModel(List<Choice> boxes, List<String> fixed, List<Choice> addOrgs, List<Choice> addVendors,
            Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("person", ADA);
        model.put("orgName", "North & Co");
        model.put("orgHref", "/orgs/north");
        model.put("created", When.of(MARCH));
        model.put("roles", List.of("admin of North & Co"));
        model.put("boxes", boxes);
        model.put("fixed", fixed);
        model.put("addOrgs", addOrgs);
        model.put("addVendors", addVendors);
        model.put("moves", List.of(new Choice("north", "North & Co (north)", true), new Choice("south", "South (south)", false)));
        model.put("self", false);
        model.put("crumbs", List.of(new Crumb("Admin", "/admin"), Crumb.here("Ada")));
        model.put("errors", errors);
        return model;
    }

    private static Map<String, Object> orgModel(boolean manage, boolean admin) {
        Map<String, Object> model = new HashMap<>();
        model.put("org", NORTH);
        model.put("parentName", "Group");
        model.put("parentHref", "");
        model.put("children", List.of(new Organisation("north-east", "North East", "north", List.of(), MARCH)));
        model.put("crumbs", List.of());
        model.put("manage", manage);
        model.put("admin", admin);
        model.put("errors", Map.of());
        model.put("email", "");
        model.put("domains", "north.example");
        if (manage) {
            model.put("members", List.of(new PeoplePages.PersonRow("p-ada", "Ada <Lovelace>", "ada@north.example", "north", "North & Co",
                    List.of(), false)));
            model.put("nextHref", "");
            model.put("firstHref", "");
            model.put("withChildren", true);
        }
        return model;
    }

    private static Map<String, Object> tokensModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", List.of(
                new TokensPage.TokenRow("t-live", "HR sync", "organisation", "North", "/orgs/north", "Ada", When.of(MARCH), null, null, true),
                new TokensPage.TokenRow("t-dead", "Old", "vendor", "Acme", "/admin/vendors#vendor-acme", "", When.of(MARCH),
                        When.of(MARCH), When.of(MARCH), false)));
        model.put("scopeOrgs", List.of(new Choice("org:north", "North (north)", true)));
        model.put("scopeVendors", List.of(new Choice("vendor:acme", "Acme (acme)", false)));
        model.put("name", "");
        model.put("scope", "org:north");
        model.put("errors", Map.of());
        return model;
    }

    private static void assertEveryPostFormCarriesTheCsrfToken(String html) {
        Matcher form = Pattern.compile("<form method=\"post\"(.*?)</form>", Pattern.DOTALL).matcher(html);
        int forms = 0;
        while (form.find()) {
            forms++;
            assertThat(form.group(1)).contains("<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF + "\">");
        }
        assertThat(forms).isPositive();
    }

    private static String render(String template, Map<String, ?> model) throws IOException, TemplateException {
        Map<String, Object> data = new HashMap<>(model);
        data.put("csrfToken", CSRF);
        data.put("locale", "en");
        StringWriter html = new StringWriter();
        Templates.freemarker().getTemplate(template).process(data, html);
        return html.toString();
    }
}
