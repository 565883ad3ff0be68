-- The outbox: every mail Roadshow sends, from the moment it is queued until it is
-- delivered (or given up on), and for a while after. Runs on H2 2.x and PostgreSQL:
-- TEXT and BYTEA are long text and bytes in both.

CREATE TABLE mail_outbox (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    recipient       VARCHAR(320)  NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    text_body       TEXT          NOT NULL,
    html_body       TEXT,
    -- queued: waiting for its next attempt; sending: claimed by a node that is delivering it;
    -- sent: the mail server took it; logged: written to the log, as no mail server is configured;
    -- failed: given up on, last_error says why
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the claim of the node delivering it: a fresh id per attempt, so that a node whose claim
    -- was taken over (it took too long) cannot record the outcome of another node's attempt
    claim           VARCHAR(36),
    claimed_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    CONSTRAINT mail_outbox_state CHECK (state IN ('queued', 'sending', 'sent', 'logged', 'failed'))
);

-- what every node asks on every round: the queued mails that are due
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);

CREATE TABLE mail_attachment (
    mail_id      VARCHAR(36)  NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    ordinal      INTEGER      NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    content      BYTEA        NOT NULL,
    PRIMARY KEY (mail_id, ordinal)
);
