package roadshow.audit.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where bundles record what people, integrations and the platform itself did, and where
 * admins read it back. Events are only ever added: there is no way to change or remove
 * one through this service.
 */
@ProviderType
public interface AuditLog {

    /**
     * Records an event, in a transaction of its own that has committed when this returns,
     * whatever becomes of the caller's work. The log assigns the id, and the time when the
     * event has none. Text longer than the log keeps is cut short rather than refused, as
     * some of it (an email address typed at a failed sign-in) comes from whoever asks.
     *
     * @param event the event; its {@link AuditEvent#id() id} is ignored
     * @throws IllegalStateException when the event could not be written; the caller should
     *         treat what it was doing as not done, as it would be unaccounted for
     */
    void record(AuditEvent event);

    /**
     * The events that match {@code query}, newest (most recently recorded) first, at most
     * {@link AuditQuery#limit()} of them. To learn whether older ones follow, ask for one
     * more than you show; to page on, ask again with {@link AuditQuery#beforeId()} set to
     * the id of the last event shown.
     *
     * @throws IllegalArgumentException when {@link AuditQuery#beforeId()} is not an id this
     *         log gave out
     */
    List<AuditEvent> list(AuditQuery query);
}
