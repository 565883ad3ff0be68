package roadshow.identity.internal;

import java.time.Instant;
import java.util.List;

import roadshow.identity.api.Person;
import roadshow.identity.api.Role;

/** A person as the REST API shows them. */
record PersonJson(String id, String email, String name, String org, boolean emailVerified, Instant createdAt, List<RoleJson> roles) {

    /** A role as the REST API shows it: {@code {role, org?, vendor?}}. */
    record RoleJson(String role, String org, String vendor) {
        static RoleJson of(Role role) {
            return new RoleJson(role.kind().wireName(), role.org(), role.vendor());
        }
    }

    static PersonJson of(Person person, List<Role> roles) {
        return new PersonJson(person.id(), person.email(), person.name(), person.org(), person.emailVerified(), person.createdAt(),
                roles == null ? null : roles.stream().map(RoleJson::of).toList());
    }
}
