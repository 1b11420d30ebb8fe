// Each rule on a fixture that must fire and on its safe pattern that must not, in the op.* form and in raw SQL.
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/lint/rules.js';
import { lintText, migration, rulesFired } from './fixtures.js';

interface RuleCase {
  fires: { op?: string[]; sql?: string[] };
  safe: { op?: string[]; sql?: string[] };
}

const sql = (statement: string) => [`op.execute("${statement}")`];

const CASES: Record<(typeof RULE_IDS)[number], RuleCase> = {
  'create-index-not-concurrently': {
    fires: {
      op: ["op.create_index('ix_users_email', 'users', ['email'])"],
      sql: sql('CREATE INDEX ix_users_email ON users (email)'),
    },
    safe: {
      op: [
        'with op.get_context().autocommit_block():',
        "    op.create_index('ix_users_email', 'users', ['email'], postgresql_concurrently=True, if_not_exists=True)",
      ],
      sql: [
        'with op.get_context().autocommit_block():',
        '    op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email)")',
      ],
    },
  },
  'concurrently-in-transaction': {
    fires: {
      op: ["op.create_index('ix_users_email', 'users', ['email'], postgresql_concurrently=True)"],
      sql: sql('CREATE INDEX CONCURRENTLY ix_users_email ON users (email)'),
    },
    safe: {
      op: [
        'with op.get_context().autocommit_block():',
        "    op.drop_index('ix_old', table_name='users', postgresql_concurrently=True, if_exists=True)",
      ],
      sql: ['with op.get_context().autocommit_block():', '    op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_old")'],
    },
  },
  'add-not-null-column-without-default': {
    fires: {
      op: ["op.add_column('users', sa.Column('tier', sa.String(20), nullable=False))"],
      sql: sql('ALTER TABLE users ADD COLUMN tier varchar(20) NOT NULL'),
    },
    safe: {
      op: ["op.add_column('users', sa.Column('tier', sa.String(20), nullable=False, server_default='free'))"],
      sql: sql("ALTER TABLE users ADD COLUMN tier varchar(20) NOT NULL DEFAULT 'free'"),
    },
  },
  'set-not-null-with-scan': {
    fires: {
      op: ["op.alter_column('users', 'email', nullable=False, existing_type=sa.String(200))"],
      sql: sql('ALTER TABLE users ALTER COLUMN email SET NOT NULL'),
    },
    safe: {
      op: ["op.create_check_constraint('email_not_null', 'users', 'email IS NOT NULL', postgresql_not_valid=True)"],
      sql: sql('ALTER TABLE users ADD CONSTRAINT email_not_null CHECK (email IS NOT NULL) NOT VALID'),
    },
  },
  'alter-column-type-rewrite': {
    fires: {
      op: ["op.alter_column('orders', 'total', type_=sa.BigInteger(), existing_type=sa.Integer())"],
      sql: sql('ALTER TABLE orders ALTER COLUMN total TYPE bigint'),
    },
    safe: {
      op: ["op.alter_column('users', 'name', type_=sa.String(200), existing_type=sa.String(100))"],
      sql: sql('ALTER TABLE users ALTER COLUMN name TYPE text'),
    },
  },
  'foreign-key-without-not-valid': {
    fires: {
      op: ["op.create_foreign_key('fk_orders_user', 'orders', 'users', ['user_id'], ['id'])"],
      sql: sql('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)'),
    },
    safe: {
      op: [
        "op.create_foreign_key('fk_orders_user', 'orders', 'users', ['user_id'], ['id'], postgresql_not_valid=True)",
      ],
      sql: sql('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID'),
    },
  },
  'check-constraint-without-not-valid': {
    fires: {
      op: ["op.create_check_constraint('ck_total', 'orders', 'total >= 0')"],
      sql: sql('ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0)'),
    },
    safe: {
      op: ["op.create_check_constraint('ck_total', 'orders', 'total >= 0', postgresql_not_valid=True)"],
      sql: sql('ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0) NOT VALID'),
    },
  },
  'unique-constraint-with-lock': {
    fires: {
      op: ["op.create_unique_constraint('uq_users_email', 'users', ['email'])"],
      sql: sql('ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)'),
    },
    safe: {
      op: [
        'with op.get_context().autocommit_block():',
        "    op.create_index('uq_users_email', 'users', ['email'], unique=True, postgresql_concurrently=True, if_not_exists=True)",
      ],
      sql: sql('ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email'),
    },
  },
  'drop-column': {
    fires: { op: ["op.drop_column('users', 'legacy_flag')"], sql: sql('ALTER TABLE users DROP COLUMN legacy_flag') },
    safe: {
      op: ["op.add_column('users', sa.Column('flag', sa.Boolean()))"],
      sql: sql('ALTER TABLE users ADD COLUMN flag boolean'),
    },
  },
  'drop-table': {
    fires: { op: ["op.drop_table('sessions')"], sql: sql('DROP TABLE sessions') },
    safe: {
      op: ["op.create_table('tmp_import', sa.Column('id', sa.Integer()))", "op.drop_table('tmp_import')"],
      sql: sql('CREATE TABLE tmp_import (id int); DROP TABLE tmp_import'),
    },
  },
  'rename-column': {
    fires: {
      op: ["op.alter_column('users', 'name', new_column_name='full_name')"],
      sql: sql('ALTER TABLE users RENAME COLUMN name TO full_name'),
    },
    safe: {
      op: ["op.add_column('users', sa.Column('full_name', sa.Text()))"],
      sql: sql('ALTER TABLE users ADD COLUMN full_name text'),
    },
  },
  'rename-table': {
    fires: { op: ["op.rename_table('users', 'accounts')"], sql: sql('ALTER TABLE users RENAME TO accounts') },
    safe: {
      op: ["op.create_table('accounts', sa.Column('id', sa.Integer()))"],
      sql: sql('CREATE VIEW accounts AS SELECT * FROM users'),
    },
  },
  'volatile-default-rewrite': {
    fires: {
      op: [
        "op.add_column('users', sa.Column('token', sa.String(), server_default=sa.text('gen_random_uuid()::text')))",
      ],
      sql: sql('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()'),
    },
    safe: {
      op: ["op.add_column('users', sa.Column('seen_at', sa.DateTime(), server_default=sa.func.now()))"],
      sql: sql('ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now()'),
    },
  },
  'missing-lock-timeout': {
    // Checked below: it depends on env.py.
    fires: {},
    safe: {},
  },
  'unbounded-data-change': {
    fires: { sql: sql("UPDATE users SET tier = 'free'") },
    safe: { sql: sql("UPDATE users SET tier = 'free' WHERE tier IS NULL AND id < 10000") },
  },
  'require-concurrent-index-deletion': {
    fires: {
      op: ["op.drop_index('ix_users_email', table_name='users')"],
      sql: sql('DROP INDEX ix_users_email'),
    },
    safe: {
      op: [
        'with op.get_context().autocommit_block():',
        "    op.drop_index('ix_users_email', table_name='users', postgresql_concurrently=True, if_exists=True)",
      ],
      sql: ['with op.get_context().autocommit_block():', '    op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_old")'],
    },
  },
  'ban-drop-not-null': {
    fires: {
      op: ["op.alter_column('users', 'email', existing_type=sa.String(200), nullable=True)"],
      sql: sql('ALTER TABLE users ALTER COLUMN email DROP NOT NULL'),
    },
    safe: {
      op: ["op.alter_column('users', 'nick', existing_type=sa.String(20), existing_nullable=True, nullable=True)"],
      sql: sql("ALTER TABLE users ALTER COLUMN email SET DEFAULT ''"),
    },
  },
  'ban-drop-database': {
    fires: { sql: sql('DROP DATABASE billing') },
    safe: { sql: sql("UPDATE users SET tier = 'free' WHERE id = 1") },
  },
  'adding-serial-primary-key-field': {
    fires: {
      op: ["op.add_column('events', sa.Column('id', sa.BigInteger(), primary_key=True, server_default='0'))"],
      sql: sql('ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY'),
    },
    safe: {
      op: [
        'with op.get_context().autocommit_block():',
        "    op.create_index('events_pkey_idx', 'events', ['id'], unique=True, postgresql_concurrently=True, if_not_exists=True)",
        'op.execute("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey_idx")',
      ],
      sql: sql('ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey_idx'),
    },
  },
  'prefer-robust-stmts': {
    fires: {
      op: [
        'with op.get_context().autocommit_block():',
        "    op.create_index('ix_users_email', 'users', ['email'], postgresql_concurrently=True)",
      ],
      sql: [
        'with op.get_context().autocommit_block():',
        '    op.execute("CREATE INDEX CONCURRENTLY ix ON users (email)")',
      ],
    },
    safe: {
      op: [
        'with op.get_context().autocommit_block():',
        "    op.create_index('ix_users_email', 'users', ['email'], postgresql_concurrently=True, if_not_exists=True)",
      ],
      sql: [
        'with op.get_context().autocommit_block():',
        '    op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email)")',
      ],
    },
  },
};

describe('each lint rule', () => {
  for (const id of RULE_IDS) {
    const c = CASES[id];
    for (const form of ['op', 'sql'] as const) {
      const fires = c.fires[form];
      const safe = c.safe[form];
      if (fires) {
        it(`${id} fires on the ${form === 'op' ? 'op.*' : 'raw SQL'} form`, async () => {
          expect(await rulesFired(fires)).toContain(id);
        });
      }
      if (safe) {
        it(`${id} stays silent on the safe ${form === 'op' ? 'op.*' : 'raw SQL'} pattern`, async () => {
          expect(await rulesFired(safe)).toEqual([]);
        });
      }
    }
  }

  it('a primary key added to an existing table is adding-serial-primary-key-field, not unique-constraint-with-lock', async () => {
    expect(await rulesFired(["op.create_primary_key('events_pkey', 'events', ['id'])"])).toEqual([
      'adding-serial-primary-key-field',
    ]);
    expect(await rulesFired(sql('ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id)'))).toEqual([
      'adding-serial-primary-key-field',
    ]);
  });

  it("prefer-robust-stmts leaves statements inside Alembic's transaction alone: a failure rolls them back", async () => {
    expect(await rulesFired(["op.add_column('users', sa.Column('nick', sa.Text()))"])).toEqual([]);
    const autocommit = [
      'with op.get_context().autocommit_block():',
      "    op.add_column('users', sa.Column('nick', sa.Text()))",
    ];
    expect(await rulesFired(autocommit)).toEqual(['prefer-robust-stmts']);
  });

  it('missing-lock-timeout fires when neither env.py nor the migration sets lock_timeout', async () => {
    expect(await rulesFired(["op.drop_column('users', 'legacy')"], false)).toEqual([
      'drop-column',
      'missing-lock-timeout',
    ]);
    expect(await rulesFired(sql('ALTER TABLE users DROP COLUMN legacy'), false)).toContain('missing-lock-timeout');
  });

  it('missing-lock-timeout stays silent when the migration sets lock_timeout first, or env.py does', async () => {
    const body = ['op.execute("SET lock_timeout = \'3s\'")', "op.drop_column('users', 'legacy')"];
    expect(await rulesFired(body, false)).toEqual(['drop-column']);
    expect(await rulesFired(["op.drop_column('users', 'legacy')"], true)).toEqual(['drop-column']);
  });

  it('missing-lock-timeout stays silent for a migration that only creates tables', async () => {
    const body = [
      "op.create_table('audit', sa.Column('id', sa.Integer()))",
      "op.create_index('ix_a', 'audit', ['id'])",
    ];
    expect(await rulesFired(body, false)).toEqual([]);
  });

  it('a table created in the same migration is exempt from the lock rules', async () => {
    const body = [
      "op.create_table('invoices', sa.Column('id', sa.Integer()))",
      "op.create_index('ix_inv', 'invoices', ['id'])",
      "op.add_column('invoices', sa.Column('n', sa.Integer(), nullable=False))",
      "op.create_foreign_key('fk', 'invoices', 'users', ['user_id'], ['id'])",
      'op.execute("UPDATE invoices SET n = 0")',
    ];
    expect(await rulesFired(body, false)).toEqual([]);
  });
});

describe('which transaction a CONCURRENTLY statement runs in', () => {
  // if_not_exists=True: outside a transaction prefer-robust-stmts would ask for it (it has its own cases above).
  const concurrently = "op.create_index('ix_e', 'users', ['email'], postgresql_concurrently=True, if_not_exists=True)";
  const kinds = async (body: string[]) => (await lintText(migration(body))).section.findings.map((f) => f.kind);

  it('fires when it shares one execute() string with other statements, even in an autocommit block', async () => {
    const body = [
      'with op.get_context().autocommit_block():',
      '    op.execute("SET lock_timeout = \'2s\'; CREATE INDEX CONCURRENTLY ix_e ON users (email)")',
    ];
    const { section } = await lintText(migration(body));
    expect(section.findings.map((f) => f.kind)).toEqual(['concurrently-in-transaction']);
    expect(section.findings[0]?.message).toContain('give it an execute() of its own');
    const apart = [
      'with op.get_context().autocommit_block():',
      '    op.execute("SET lock_timeout = \'2s\'")',
      '    op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_e ON users (email)")',
    ];
    expect(await kinds(apart)).toEqual([]);
    // COMMIT in the same string does not help: the statements after it are one implicit block again.
    expect(await kinds(['op.execute("COMMIT; CREATE INDEX CONCURRENTLY ix_e ON users (email)")'])).toEqual([
      'concurrently-in-transaction',
    ]);
  });

  it('after op.execute("COMMIT") is a notice, not an error: outside with psycopg2, in a new transaction with psycopg 3', async () => {
    const { section } = await lintText(migration(['op.execute("COMMIT")', concurrently]));
    expect(section.findings.map((f) => [f.kind, f.severity])).toEqual([['lint-unreadable', 'notice']]);
    expect(section.findings[0]?.message).toContain('psycopg 3');
    expect(await kinds(['op.execute(sa.text("UPDATE users SET a = 1 WHERE id = 1; COMMIT"))', concurrently])).toEqual([
      'lint-unreadable',
    ]);
  });

  it('is back in a transaction after BEGIN, and after an autocommit block ends', async () => {
    expect(await kinds(['op.execute("COMMIT")', 'op.execute("BEGIN")', concurrently])).toEqual([
      'concurrently-in-transaction',
    ]);
    const afterBlock = [
      'op.execute("COMMIT")',
      'with op.get_context().autocommit_block():',
      '    op.execute("UPDATE users SET a = 1 WHERE id = 1")',
      concurrently,
    ];
    expect(await kinds(afterBlock)).toEqual(['concurrently-in-transaction']);
    expect(await kinds([concurrently, 'op.execute("COMMIT")'])).toEqual(['concurrently-in-transaction']);
  });
});
