import { describe, expect, it } from 'vitest';
import { defaultRoleSessionName, validateRoleSessionName } from '../../src/aws/credentials.js';

describe('defaultRoleSessionName', () => {
  it('joins repository and run id into an allowed name', () => {
    expect(defaultRoleSessionName('acme/credentialmate', '12345')).toBe('schema-drift-acme-credentialmate-12345');
  });

  it('replaces characters STS does not allow', () => {
    expect(defaultRoleSessionName('ac me/crédit~mate', '7')).toBe('schema-drift-ac-me-cr-dit-mate-7');
  });

  it('cuts the repository part, keeping the run id, to stay within 64 characters', () => {
    const name = defaultRoleSessionName(`acme/${'x'.repeat(100)}`, '98765432101');
    expect(name).toHaveLength(64);
    expect(name.endsWith('-98765432101')).toBe(true);
    expect(validateRoleSessionName(name)).toBe(name);
  });

  it('still gives a valid name without repository or run id', () => {
    expect(defaultRoleSessionName('', '')).toBe('schema-drift');
    expect(defaultRoleSessionName('', '42')).toBe('schema-drift-42');
  });
});

describe('validateRoleSessionName', () => {
  it.each(['ab', 'GitHubActions', 'a+b=c,d.e@f_g-h', 'x'.repeat(64)])('accepts %s', (name) => {
    expect(validateRoleSessionName(name)).toBe(name);
  });

  it.each(['a', 'x'.repeat(65), 'has space', 'slash/name', ''])(
    'rejects "%s", naming the input and the value',
    (name) => {
      expect(() => validateRoleSessionName(name)).toThrow(`Invalid input role-session-name: "${name}"`);
    },
  );
});
