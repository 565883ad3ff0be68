-- The audit log. Rows are only ever inserted. The id is handed out in the order events
-- are recorded, so it is the newest-first sort key and the cursor of paging; occurred_at
-- is when the recorder says the event happened.
CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    actor_name  VARCHAR(200),
    action      VARCHAR(100) NOT NULL,
    target_type VARCHAR(50),
    target_id   VARCHAR(320),
    detail      VARCHAR(2000),
    address     VARCHAR(100)
);

-- One per filter of the admin's list, each ending in id so that a filtered page is read in order.
CREATE INDEX audit_event_actor ON audit_event (actor, id);
CREATE INDEX audit_event_action ON audit_event (action, id);
CREATE INDEX audit_event_target ON audit_event (target_type, target_id, id);
