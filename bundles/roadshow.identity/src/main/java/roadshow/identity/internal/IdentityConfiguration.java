package roadshow.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code roadshow.identity}, shared by the identity components. */
@ObjectClassDefinition(name = "Roadshow identity", description = "Accounts, passwords, sessions and log-in throttling")
public @interface IdentityConfiguration {

    String PID = "roadshow.identity";

    @AttributeDefinition(description = "Argon2id memory per password hash, in KiB (OWASP: 19456)")
    int password_memory_kib() default 19456;

    @AttributeDefinition(description = "Argon2id iterations")
    int password_iterations() default 2;

    @AttributeDefinition(description = "Argon2id lanes")
    int password_parallelism() default 1;

    @AttributeDefinition(description = "Shortest password accepted, in characters")
    int password_min_length() default 10;

    @AttributeDefinition(description = "A session ends after this many minutes without a request")
    int session_idle_minutes() default 120;

    @AttributeDefinition(description = "A session ends this many hours after log-in, however busy")
    int session_absolute_hours() default 12;

    @AttributeDefinition(description = "Failed log-ins for one account within the window before it is throttled")
    int throttle_account_failures() default 5;

    @AttributeDefinition(description = "Failed log-ins from one address within the window before it is throttled")
    int throttle_address_failures() default 20;

    @AttributeDefinition(description = "The window failures are counted in, in seconds")
    int throttle_window_seconds() default 900;

    @AttributeDefinition(description = "How long a throttled account or address waits, in seconds")
    int throttle_block_seconds() default 900;

    @AttributeDefinition(description = "Whether anyone may sign up for an account")
    boolean signup_enabled() default true;

    @AttributeDefinition(description = "How long a password-reset or verification link works, in minutes")
    int link_minutes() default 60;

    @AttributeDefinition(description = "Least time between two mails of one kind (reset, confirmation) to one address, in seconds")
    int mail_repeat_seconds() default 60;

    @AttributeDefinition(description = "How long an invitation works, in days")
    int invitation_days() default 14;
}
