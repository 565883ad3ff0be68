package roadshow.credentials.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code roadshow.credentials}, shared by the components that issue and publish. */
@ObjectClassDefinition(name = "Roadshow credentials", description = "Certificates, Open Badges credentials and the issuer's profile")
public @interface CredentialsConfiguration {

    String PID = "roadshow.credentials";

    @AttributeDefinition(description = "The issuer's name on certificates, in credentials and in its profile")
    String issuer_name() default "Roadshow";
}
