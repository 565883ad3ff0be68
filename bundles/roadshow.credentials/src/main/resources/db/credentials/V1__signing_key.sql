-- The key pair the platform signs Open Badges credentials with. Tables are prefixed
-- credentials_ because every bundle's tables share one database.

-- purpose: what the key signs. The primary key, so that nodes starting at once, each
-- trying to store a key of its own, all end up reading back the one stored first.
-- private_jwk: the whole key pair as a JSON Web Key (RFC 7517). Its public half is
-- published at /.well-known/jwks.json; the private half never leaves the server.
create table credentials_signing_key (
    purpose varchar(32) not null primary key,
    private_jwk varchar(16384) not null,
    created_at timestamp with time zone not null
);
