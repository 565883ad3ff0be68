-- People, partner organisations, vendors and roles; sessions, API tokens and the
-- records that keep log-in throttling, invitations and signed links working on every node.

create table identity_org (
    id varchar(64) primary key,
    name varchar(200) not null,
    parent varchar(64) references identity_org (id),
    created_at timestamp with time zone not null
);
create index identity_org_parent on identity_org (parent);

create table identity_org_domain (
    domain varchar(253) primary key,
    org varchar(64) not null references identity_org (id) on delete cascade
);

create table identity_vendor (
    id varchar(64) primary key,
    name varchar(200) not null,
    created_at timestamp with time zone not null
);

create table identity_person (
    id varchar(36) primary key,
    email varchar(254) not null,
    email_key varchar(254) not null unique,
    name varchar(200) not null,
    org varchar(64) references identity_org (id),
    password_hash varchar(255) not null,
    email_verified boolean not null,
    password_change_required boolean not null,
    created_at timestamp with time zone not null
);
create index identity_person_org on identity_person (org, id);

-- scope: the org of an org-admin, the vendor of a vendor-author, '' for admin
create table identity_role (
    person varchar(36) not null references identity_person (id) on delete cascade,
    kind varchar(20) not null,
    scope varchar(64) not null,
    primary key (person, kind, scope)
);
create index identity_role_scope on identity_role (kind, scope);

-- digest: SHA-256 of the cookie secret, so that a copy of the table opens no session
create table identity_session (
    digest varchar(64) primary key,
    person varchar(36) not null references identity_person (id) on delete cascade,
    csrf_token varchar(64) not null,
    created_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
create index identity_session_person on identity_session (person);

create table identity_token (
    id varchar(32) primary key,
    name varchar(200) not null,
    org varchar(64) references identity_org (id),
    vendor varchar(64) references identity_vendor (id),
    digest varchar(64) not null unique,
    issued_by varchar(64) not null,
    issued_at timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);

-- throttle_key: 'account:<e-mail>' or 'address:<ip>'
create table identity_login_failure (
    throttle_key varchar(300) primary key,
    failures integer not null,
    window_started_at timestamp with time zone not null,
    blocked_until timestamp with time zone
);

create table identity_invitation (
    id varchar(32) primary key,
    org varchar(64) not null references identity_org (id) on delete cascade,
    email varchar(254) not null,
    email_key varchar(254) not null,
    digest varchar(64) not null unique,
    invited_by varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    accepted_at timestamp with time zone
);
create index identity_invitation_email on identity_invitation (org, email_key);

-- keys the platform signs links with, shared by every node
create table identity_key (
    name varchar(64) primary key,
    secret varchar(128) not null
);
