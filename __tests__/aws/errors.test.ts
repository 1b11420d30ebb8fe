import { describe, expect, it } from 'vitest';
import { describeError, quoteRemote, redactSecrets, rememberSecret } from '../../src/aws/errors.js';

describe('redactSecrets', () => {
  it('removes a remembered secret wherever it appears', () => {
    rememberSecret('opaque-remembered-value');
    expect(redactSecrets('a opaque-remembered-value b opaque-remembered-value')).toBe('a *** b ***');
  });

  it('removes extra secrets given for one call', () => {
    expect(redactSecrets('token was just-this-once-secret', ['just-this-once-secret'])).toBe('token was ***');
  });

  it('removes URL passwords but keeps user and host', () => {
    expect(redactSecrets('postgres://app:p%40ss@db:5432/x')).toBe('postgres://app:***@db:5432/x');
  });

  it('removes key=value and JSON credential fields', () => {
    expect(redactSecrets('password=hunter2 other=ok')).toBe('password=*** other=ok');
    expect(redactSecrets('{"SecretAccessKey":"abc","sessionToken": "def","user":"u"}')).toBe(
      '{"SecretAccessKey":"***","sessionToken": "***","user":"u"}',
    );
    expect(redactSecrets('Authorization: Bearer abc.def.ghi')).toBe('Authorization: Bearer ***');
  });

  it('removes JWTs, access key ids and long mixed-case base64 runs', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJl';
    expect(redactSecrets(`t ${jwt} k AKIAIOSFODNN7EXAMPLE s wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`)).toBe(
      't *** k *** s ***',
    );
  });

  it('keeps lower-case hex digests, revision ids and SQL', () => {
    const text = `sha256 ${'ab12'.repeat(16)} revision 20251230_1900 relation "alembic_version" does not exist`;
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('quoteRemote and describeError', () => {
  it('trims, folds whitespace and shortens', () => {
    expect(quoteRemote('  a\n  b  ')).toBe('a b');
    expect(quoteRemote('x'.repeat(20), 5)).toBe('xxxxx…');
  });

  it('prefixes the error name once', () => {
    const e = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    expect(describeError(e)).toBe('ThrottlingException: Rate exceeded');
    expect(describeError(new Error('plain'))).toBe('plain');
    expect(describeError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      'ECONNRESET: socket hang up',
    );
  });
});
