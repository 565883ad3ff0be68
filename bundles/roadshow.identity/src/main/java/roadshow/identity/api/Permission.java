package roadshow.identity.api;

/**
 * What a subject wants to do to a {@link Target}.
 * <ul>
 * <li>{@link #VIEW}: see it. An organisation: its members and admins; a person: themselves
 * and the admins of their organisation; a vendor: everyone signed in.</li>
 * <li>{@link #MANAGE}: change it. An organisation: its admins (invite, claim, add people,
 * see members' records); a person: the admins of their organisation (roles, membership);
 * a vendor: its authors (publish, analytics); the platform: admins.</li>
 * </ul>
 * Platform admins may do everything.
 */
public enum Permission { VIEW, MANAGE }
