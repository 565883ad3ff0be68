package roadshow.certification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How certifications are renewed and reminded of; PID {@code roadshow.certification}. */
@ObjectClassDefinition(name = "Roadshow certification", description = "Renewal windows and expiry reminders.")
@interface CertificationConfig {

    String PID = "roadshow.certification";

    @AttributeDefinition(name = "Renewal window", description = "How long before its expiry a certification can be renewed by its"
            + " track's renewal quiz, as an ISO-8601 period, for tracks that do not set their own.")
    String renewal_window() default "P6M";

    @AttributeDefinition(name = "Reminder days", description = "How many days before an expiry its holder is reminded, each once.")
    int[] reminder_days() default {60, 30, 7};

    @AttributeDefinition(name = "Check seconds", description = "How often expiries, reminders and tiers are looked at.")
    int check_seconds() default 3600;

    @AttributeDefinition(name = "First check seconds", description = "How long after the start they are first looked at,"
            + " once the content bundles have been read.")
    int first_check_seconds() default 60;
}
