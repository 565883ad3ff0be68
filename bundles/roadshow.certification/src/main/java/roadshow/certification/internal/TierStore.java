package roadshow.certification.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.certification.api.PartnerTiers;
import roadshow.certification.api.ProgramStanding;
import roadshow.certification.api.TierChange;
import roadshow.content.api.Program;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * {@link PartnerTiers} on the members' certifications, recording each change of the tier
 * held, when it is seen, with why.
 */
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = {PartnerTiers.class, TierStore.class})
public class TierStore implements PartnerTiers {

    private static final int PAGE = 1000;

    private final Sql sql;
    private final Certifications certifications;
    private final ServedTracks tracks;
    private final Organisations organisations;
    private final People people;
    private final Clock clock;

    @Activate
    public TierStore(@Reference(target = "(roadshow.schema=roadshow.certification)") Schema schema, @Reference Certifications certifications,
            @Reference ServedTracks tracks, @Reference Organisations organisations, @Reference People people) {
        this(new Sql(schema.dataSource()), certifications, tracks, organisations, people, Clock.systemUTC());
    }

    TierStore(Sql sql, Certifications certifications, ServedTracks tracks, Organisations organisations, People people, Clock clock) {
        this.sql = sql;
        this.certifications = certifications;
        this.tracks = tracks;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    /** The people an organisation's standing counts, by id with their names. */
    private Map<String, String> members(String org, boolean withChildren) {
        Set<String> orgs = withChildren ? organisations.withDescendants(org) : Set.of(org);
        Map<String, String> members = new HashMap<>();
        String after = null;
        while (true) {
            List<Person> page = people.list(orgs, after, PAGE);
            page.forEach(person -> members.put(person.id(), person.name()));
            if (page.size() < PAGE) {
                return members;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    @Override
    public List<ProgramStanding> standings(String orgId) {
        if (organisations.find(orgId).isEmpty()) {
            return List.of();
        }
        List<ProgramStanding> standings = new ArrayList<>();
        Map<Boolean, Map<String, String>> members = new HashMap<>();
        Map<Boolean, List<Certification>> held = new HashMap<>();
        for (Program program : tracks.programs()) {
            boolean counted = program.countChildOrganisations();
            Map<String, String> counting = members.computeIfAbsent(counted, children -> members(orgId, children));
            List<Certification> theirs = held.computeIfAbsent(counted, children -> certifications.held(counting.keySet()));
            standings.add(record(TierRules.standing(program, orgId, counted, theirs, tracks::trackTitle,
                    person -> counting.getOrDefault(person, person), clock.instant())));
        }
        return standings;
    }

    @Override
    public Optional<ProgramStanding> standing(String orgId, String vendor) {
        return standings(orgId).stream().filter(s -> s.vendor().equals(vendor)).findFirst();
    }

    @Override
    public List<TierChange> history(String orgId, String vendor) {
        return sql.list("select org, vendor, from_tier, to_tier, changed_at, reason from cert_tier_change where org = ? and vendor = ?"
                + " order by changed_at desc, id desc", r -> new TierChange(r.getString("org"), r.getString("vendor"),
                        r.getString("from_tier"), r.getString("to_tier"), Sql.instant(r, "changed_at"), r.getString("reason")),
                orgId, vendor);
    }

    /**
     * Records the tier held when it differs from the one last recorded. Two nodes seeing the
     * same change at once record it once: the row is locked, and the second finds it done.
     */
    private ProgramStanding record(ProgramStanding standing) {
        String tier = standing.held() == null ? null : standing.held().id();
        Instant now = clock.instant();
        try {
            sql.transaction(c -> {
                Optional<Optional<String>> recorded = Sql.one(c, "select tier from cert_tier where org = ? and vendor = ? for update",
                        r -> Optional.ofNullable(r.getString(1)), standing.org(), standing.vendor());
                if (recorded.isPresent() && Objects.equals(recorded.get().orElse(null), tier)) {
                    return null;
                }
                if (recorded.isEmpty() && tier == null) {
                    return null; // never held one: nothing to say
                }
                String from = recorded.flatMap(t -> t).orElse(null);
                if (recorded.isEmpty()) {
                    Sql.update(c, "insert into cert_tier (org, vendor, tier, since) values (?, ?, ?, ?)", standing.org(), standing.vendor(),
                            tier, now);
                } else {
                    Sql.update(c, "update cert_tier set tier = ?, since = ? where org = ? and vendor = ?", tier, now, standing.org(),
                            standing.vendor());
                }
                change(c, standing, from, tier, now);
                return null;
            });
        } catch (Sql.Failure e) {
            if (!e.duplicate()) {
                throw e;
            }
            // another node recorded the first tier at the same moment
        }
        return standing;
    }

    private static void change(Connection c, ProgramStanding standing, String from, String to, Instant at) throws SQLException {
        ProgramStanding.Tier before = from == null ? null : standing.tiers().stream().filter(t -> t.id().equals(from)).findFirst()
                .orElse(null);
        String reason = TierRules.reason(before == null ? null
                : new ProgramStanding(standing.vendor(), standing.org(), before, null, standing.tiers(), null, standing.counted()), standing);
        Sql.update(c, "insert into cert_tier_change (org, vendor, from_tier, to_tier, changed_at, reason) values (?, ?, ?, ?, ?, ?)",
                standing.org(), standing.vendor(), from, to, at, reason);
    }
}
