package roadshow.learning.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.MemberFacts;
import roadshow.learning.api.Learning;

/** Each member's progress, in every course they are enrolled in, for their organisation's admins. */
@Component
public class ProgressOfMembers implements MemberFacts {

    private final Learning learning;

    @Activate
    public ProgressOfMembers(@Reference Learning learning) {
        this.learning = learning;
    }

    @Override
    public String name() {
        return "progress";
    }

    @Override
    public Map<String, Object> of(List<String> personIds) {
        Map<String, Object> progress = new LinkedHashMap<>();
        personIds.forEach(person -> progress.put(person, learning.progress(person)));
        return progress;
    }
}
