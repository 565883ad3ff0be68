package roadshow.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.IdentityException.Reason;

/** The rules for e-mail addresses, names, ids and passwords, with messages a person can act on. */
final class Validation {

    /** The dot-atom of RFC 5322 in ASCII, as the mail bundle sends to: no leading, trailing or double dots. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    static final int MAX_PASSWORD = 512;

    private Validation() {
    }

    /** A trimmed e-mail address, refused unless it looks like one. */
    static String email(String email) {
        String trimmed = email == null ? "" : email.strip();
        if (trimmed.length() > 254 || trimmed.indexOf('@') > 64 || !EMAIL.matcher(trimmed).matches()) {
            throw new IdentityException(Reason.INVALID, "email", "Enter an e-mail address such as name@example.com.");
        }
        return trimmed;
    }

    /** The form of an address that uniqueness and log-in compare: lower case. */
    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The part after the {@code @}, lower case. */
    static String domainOf(String email) {
        return emailKey(email).substring(emailKey(email).lastIndexOf('@') + 1);
    }

    static String name(String name, String field) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IdentityException(Reason.INVALID, field, "Enter a name of 1 to 200 characters.");
        }
        return trimmed;
    }

    static String slug(String id, String field) {
        if (id == null || !SLUG.matcher(id).matches()) {
            throw new IdentityException(Reason.INVALID, field,
                    "Use 1 to 64 lowercase letters, digits and dashes, starting with a letter or digit.");
        }
        return id;
    }

    static String domain(String domain) {
        String lower = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (lower.length() > 253 || !DOMAIN.matcher(lower).matches()) {
            throw new IdentityException(Reason.INVALID, "domains", "'" + domain + "' is not a domain such as example.com.");
        }
        return lower;
    }

    static String password(String password, int minLength) {
        if (password == null || password.length() < minLength) {
            throw new IdentityException(Reason.INVALID, "password", "Choose a password of at least " + minLength + " characters.");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new IdentityException(Reason.INVALID, "password", "Choose a password of at most " + MAX_PASSWORD + " characters.");
        }
        return password;
    }
}
