package roadshow.content.internal;

import java.util.ArrayList;
import java.util.List;

import roadshow.content.api.Program;

/** Reads a vendor's partner programme, {@code program.yaml}: its tiers, lowest first. */
final class ProgramReader {

    static final String PROGRAM_FILE = "program.yaml";

    private static final List<String> PROGRAM_FIELDS = List.of("tiers", "countChildOrganisations");
    private static final List<String> TIER_FIELDS = List.of("id", "title", "requires");
    private static final List<String> REQUIREMENT_FIELDS = List.of("track", "people");

    private final ContentFolder content;
    private final String vendor;
    private final References references;

    ProgramReader(ContentFolder content, String vendor, References references) {
        this.content = content;
        this.vendor = vendor;
        this.references = references;
    }

    /** @return the programme, or {@code null} when it is not usable (reported) */
    Program read() {
        String file = content.bundlePath(PROGRAM_FILE);
        Problems problems = content.problems();
        YamlNode root = content.yaml(PROGRAM_FILE);
        if (root == null) {
            return null;
        }
        YamlFields fields = YamlFields.of(root, "the programme", file, problems, PROGRAM_FIELDS);
        List<Program.Tier> tiers = new ArrayList<>();
        List<YamlNode> items = fields.requiredList("tiers");
        UniqueIds ids = new UniqueIds("tier id", file, problems);
        for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
            YamlFields tier = YamlFields.of(item, "a tier", file, problems, TIER_FIELDS);
            String id = tier.id("id");
            if (id != null) {
                ids.add(id, tier.line("id"));
            }
            String title = tier.requiredText("title");
            tiers.add(new Program.Tier(id, title, requirements(tier, vendor + "/" + id)));
        }
        return new Program(vendor, tiers, Boolean.TRUE.equals(fields.bool("countChildOrganisations")));
    }

    private List<Program.Requirement> requirements(YamlFields tier, String tierId) {
        List<Program.Requirement> requirements = new ArrayList<>();
        List<YamlNode> items = tier.list("requires");
        if (items == null) {
            return requirements;
        }
        UniqueIds tracks = new UniqueIds("track", tier.file(), tier.problems());
        for (YamlNode item : items) {
            YamlFields requirement = YamlFields.of(item, "a tier requirement", tier.file(), tier.problems(), REQUIREMENT_FIELDS);
            String text = requirement.requiredText("track");
            String track = text == null ? null : references.add(References.Kind.TIER_TRACK, tierId, text, tier.file(),
                    requirement.line("track"), tier.problems());
            Integer people = requirement.requiredWholeNumber("people", 1);
            if (track != null && tracks.add(track, requirement.line("track")) && people != null) {
                requirements.add(new Program.Requirement(track, people));
            }
        }
        return requirements;
    }
}
