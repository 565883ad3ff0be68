package roadshow.certification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.identity.api.MemberFacts;

/** Each member's certifications, newest first, for their organisation's admins. */
@Component
public class CertificationsOfMembers implements MemberFacts {

    private final Certifications certifications;

    @Activate
    public CertificationsOfMembers(@Reference Certifications certifications) {
        this.certifications = certifications;
    }

    @Override
    public String name() {
        return "certifications";
    }

    @Override
    public Map<String, Object> of(List<String> personIds) {
        Map<String, List<Map<String, Object>>> byPerson = new LinkedHashMap<>();
        personIds.forEach(person -> byPerson.put(person, new ArrayList<>()));
        for (Certification c : certifications.held(personIds)) {
            byPerson.get(c.personId()).add(CertificateViews.mine(c));
        }
        return new LinkedHashMap<>(byPerson);
    }
}
