BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 20250103_0900

CREATE TABLE providers (
    id BIGSERIAL NOT NULL, 
    first_name TEXT NOT NULL, 
    last_name TEXT NOT NULL, 
    npi VARCHAR(10) NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (id)
);

INSERT INTO alembic_version (version_num) VALUES ('20250103_0900') RETURNING alembic_version.version_num;

-- Running upgrade 20250103_0900 -> 20250103_0915

CREATE TABLE organizations (
    id BIGSERIAL NOT NULL, 
    name TEXT NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (name)
);

UPDATE alembic_version SET version_num='20250103_0915' WHERE alembic_version.version_num = '20250103_0900';

-- Running upgrade 20250103_0915 -> 20250110_1400

ALTER TABLE providers ADD COLUMN organization_id BIGINT;

ALTER TABLE providers ADD CONSTRAINT providers_organization_id_fkey FOREIGN KEY(organization_id) REFERENCES organizations (id) ON DELETE SET NULL;

UPDATE alembic_version SET version_num='20250110_1400' WHERE alembic_version.version_num = '20250103_0915';

-- Running upgrade 20250110_1400 -> 3f2a9c1b7d10

CREATE TABLE licenses (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    state VARCHAR(2) NOT NULL, 
    number TEXT NOT NULL, 
    expires_on DATE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id) ON DELETE CASCADE
);

UPDATE alembic_version SET version_num='3f2a9c1b7d10' WHERE alembic_version.version_num = '20250110_1400';

-- Running upgrade 3f2a9c1b7d10 -> 20250117_1030

CREATE TYPE license_status AS ENUM ('active', 'expired', 'suspended');

ALTER TABLE licenses ADD COLUMN status license_status DEFAULT 'active' NOT NULL;

UPDATE alembic_version SET version_num='20250117_1030' WHERE alembic_version.version_num = '3f2a9c1b7d10';

-- Running upgrade 20250117_1030 -> 8b1e4d2c9a33

CREATE TABLE credentials (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    kind TEXT NOT NULL, 
    issued_on DATE, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

UPDATE alembic_version SET version_num='8b1e4d2c9a33' WHERE alembic_version.version_num = '20250117_1030';

-- Running upgrade 8b1e4d2c9a33 -> 20250124_1600

CREATE TABLE documents (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    title TEXT NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

UPDATE alembic_version SET version_num='20250124_1600' WHERE alembic_version.version_num = '8b1e4d2c9a33';

-- Running upgrade 20250124_1600 -> 20250131_0900

ALTER TABLE documents ADD COLUMN s3_key TEXT NOT NULL;

UPDATE alembic_version SET version_num='20250131_0900' WHERE alembic_version.version_num = '20250124_1600';

-- Running upgrade 20250131_0900 -> c47d0e9f1a25

CREATE TABLE audit_log (
    id BIGSERIAL NOT NULL, 
    actor TEXT NOT NULL, 
    action TEXT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (id)
);

UPDATE alembic_version SET version_num='c47d0e9f1a25' WHERE alembic_version.version_num = '20250131_0900';

-- Running upgrade c47d0e9f1a25 -> 20250207_1100

CREATE INDEX audit_log_created_at_idx ON audit_log (created_at);

UPDATE alembic_version SET version_num='20250207_1100' WHERE alembic_version.version_num = 'c47d0e9f1a25';

-- Running upgrade 20250207_1100 -> 20250214_1500

CREATE TABLE users (
    id BIGSERIAL NOT NULL, 
    email TEXT NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

UPDATE alembic_version SET version_num='20250214_1500' WHERE alembic_version.version_num = '20250207_1100';

-- Running upgrade 20250214_1500 -> 5e9b2f7c0d48

ALTER TABLE users ADD COLUMN mfa_enabled BOOLEAN DEFAULT false NOT NULL;

UPDATE alembic_version SET version_num='5e9b2f7c0d48' WHERE alembic_version.version_num = '20250214_1500';

-- Running upgrade 5e9b2f7c0d48 -> 20250221_0930

CREATE TABLE roles (
    id SERIAL NOT NULL, 
    name TEXT NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (name)
);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL, 
    role_id INTEGER NOT NULL, 
    PRIMARY KEY (user_id, role_id), 
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE, 
    FOREIGN KEY(role_id) REFERENCES roles (id)
);

UPDATE alembic_version SET version_num='20250221_0930' WHERE alembic_version.version_num = '5e9b2f7c0d48';

-- Running upgrade 20250221_0930 -> 20250307_1200

CREATE VIEW expiring_licenses WITH (security_invoker = true) AS SELECT id, provider_id, state, expires_on FROM licenses WHERE expires_on < current_date + 90;

UPDATE alembic_version SET version_num='20250307_1200' WHERE alembic_version.version_num = '20250221_0930';

-- Running upgrade 20250307_1200 -> a1c3e5f7b9d2

ALTER TABLE providers ADD CONSTRAINT providers_npi_key UNIQUE (npi);

UPDATE alembic_version SET version_num='a1c3e5f7b9d2' WHERE alembic_version.version_num = '20250307_1200';

-- Running upgrade a1c3e5f7b9d2 -> 20250321_1000

CREATE TABLE dea_registrations (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    registration_number VARCHAR(9) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

UPDATE alembic_version SET version_num='20250321_1000' WHERE alembic_version.version_num = 'a1c3e5f7b9d2';

-- Running upgrade 20250321_1000 -> 20250404_1430

CREATE TABLE board_certifications (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    board TEXT NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

UPDATE alembic_version SET version_num='20250404_1430' WHERE alembic_version.version_num = '20250321_1000';

-- Running upgrade 20250404_1430 -> 6d8f0a2c4e61

ALTER TABLE credentials ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;

UPDATE alembic_version SET version_num='6d8f0a2c4e61' WHERE alembic_version.version_num = '20250404_1430';

-- Running upgrade 6d8f0a2c4e61 -> 20250418_0900

CREATE TABLE notifications (
    id BIGSERIAL NOT NULL, 
    user_id BIGINT NOT NULL, 
    body TEXT NOT NULL, 
    read_at TIMESTAMP WITH TIME ZONE, 
    PRIMARY KEY (id), 
    FOREIGN KEY(user_id) REFERENCES users (id)
);

UPDATE alembic_version SET version_num='20250418_0900' WHERE alembic_version.version_num = '6d8f0a2c4e61';

-- Running upgrade 20250418_0900 -> 20250502_1600

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_by_provider ON documents USING (provider_id = current_setting('app.provider_id', true)::bigint);

UPDATE alembic_version SET version_num='20250502_1600' WHERE alembic_version.version_num = '20250418_0900';

-- Running upgrade 20250502_1600 -> 20250519_1100

CREATE TABLE malpractice_policies (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    carrier TEXT NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

UPDATE alembic_version SET version_num='20250519_1100' WHERE alembic_version.version_num = '20250502_1600';

-- Running upgrade 20250519_1100 -> b2d4f6a8c0e3

CREATE INDEX malpractice_policies_carrier_idx ON malpractice_policies (carrier);

UPDATE alembic_version SET version_num='b2d4f6a8c0e3' WHERE alembic_version.version_num = '20250519_1100';

-- Running upgrade 20250502_1600 -> 20250516_1000

CREATE TABLE payer_enrollments (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    payer TEXT NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

INSERT INTO alembic_version (version_num) VALUES ('20250516_1000') RETURNING alembic_version.version_num;

-- Running upgrade 20250516_1000 -> 9f1b3d5e7a80

ALTER TABLE payer_enrollments ADD COLUMN status TEXT DEFAULT 'pending' NOT NULL;

UPDATE alembic_version SET version_num='9f1b3d5e7a80' WHERE alembic_version.version_num = '20250516_1000';

-- Running upgrade 9f1b3d5e7a80, b2d4f6a8c0e3 -> 20250602_0900

DELETE FROM alembic_version WHERE alembic_version.version_num = '9f1b3d5e7a80';

UPDATE alembic_version SET version_num='20250602_0900' WHERE alembic_version.version_num = 'b2d4f6a8c0e3';

-- Running upgrade 20250602_0900 -> 20250616_1300

CREATE TABLE continuing_education (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    hours NUMERIC(5, 2) NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

UPDATE alembic_version SET version_num='20250616_1300' WHERE alembic_version.version_num = '20250602_0900';

-- Running upgrade 20250616_1300 -> e5a7c9b1d3f4

ALTER TABLE providers ADD COLUMN specialty TEXT;

UPDATE alembic_version SET version_num='e5a7c9b1d3f4' WHERE alembic_version.version_num = '20250616_1300';

-- Running upgrade e5a7c9b1d3f4 -> 20250707_1000

CREATE TABLE sanctions_checks (
    id BIGSERIAL NOT NULL, 
    provider_id BIGINT NOT NULL, 
    source TEXT NOT NULL, 
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(provider_id) REFERENCES providers (id)
);

UPDATE alembic_version SET version_num='20250707_1000' WHERE alembic_version.version_num = 'e5a7c9b1d3f4';

-- Running upgrade 20250707_1000 -> 20250721_1500

ALTER TABLE audit_log ADD COLUMN request_id TEXT;

UPDATE alembic_version SET version_num='20250721_1500' WHERE alembic_version.version_num = '20250707_1000';

-- Running upgrade 20250721_1500 -> 0c2e4a6b8d9f

CREATE TABLE document_versions (
    id BIGSERIAL NOT NULL, 
    document_id BIGINT NOT NULL, 
    s3_version_id TEXT NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);

UPDATE alembic_version SET version_num='0c2e4a6b8d9f' WHERE alembic_version.version_num = '20250721_1500';

-- Running upgrade 0c2e4a6b8d9f -> 20250818_1100

ALTER TABLE credentials ADD COLUMN expires_on DATE;

UPDATE alembic_version SET version_num='20250818_1100' WHERE alembic_version.version_num = '0c2e4a6b8d9f';

-- Running upgrade 20250818_1100 -> 20250915_0900

CREATE INDEX credentials_expires_on_idx ON credentials (expires_on) WHERE expires_on IS NOT NULL;

UPDATE alembic_version SET version_num='20250915_0900' WHERE alembic_version.version_num = '20250818_1100';

COMMIT;

