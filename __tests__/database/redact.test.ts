import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  databaseUrlSecrets,
  maskableByValue,
  plainUrlPasswords,
  redactCredentialsInText,
  redactDatabaseUrl,
  redactText,
  redactUrlsInText,
  redactWords,
} from '../../src/database/redact.js';

describe('redactDatabaseUrl', () => {
  it('replaces the password of a postgres URL and keeps user, host, port and database', () => {
    expect(redactDatabaseUrl('postgres://app:s3cret@db.example.com:5432/prod')).toBe(
      'postgres://app:***@db.example.com:5432/prod',
    );
  });

  it('leaves a URL without a password as it was', () => {
    expect(redactDatabaseUrl('postgresql://app@db.example.com/prod?sslmode=require')).toBe(
      'postgresql://app@db.example.com/prod?sslmode=require',
    );
    expect(redactDatabaseUrl('postgres://localhost/prod')).toBe('postgres://localhost/prod');
  });

  it('shows an empty password as *** too, so a reader cannot tell it was empty', () => {
    expect(redactDatabaseUrl('postgres://app:@h/db')).toBe('postgres://app:***@h/db');
  });

  it('hides a password holding unencoded @ / # ? : characters entirely', () => {
    const url = 'postgres://app:p@ss/w#o?r:d@db.internal:6543/prod';
    const shown = redactDatabaseUrl(url);
    expect(shown).toBe('postgres://app:***@db.internal:6543/prod');
    for (const piece of ['p@ss', 'w#o', 'r:d']) expect(shown).not.toContain(piece);
  });

  it('hides a percent-encoded password without decoding it into view', () => {
    const shown = redactDatabaseUrl('postgres://app:p%40ss%2Fw%3Ad@h:5432/db');
    expect(shown).toBe('postgres://app:***@h:5432/db');
  });

  it('replaces password= and sslpassword= query values, whatever their case or encoding', () => {
    expect(redactDatabaseUrl('postgres://h/db?user=app&password=topsecret&sslmode=require')).toBe(
      'postgres://h/db?user=app&password=***&sslmode=require',
    );
    expect(redactDatabaseUrl('postgres://h/db?sslpassword=keypass&PASSWORD=x1')).toBe(
      'postgres://h/db?sslpassword=***&PASSWORD=***',
    );
    expect(redactDatabaseUrl('postgres://h/db?pass%77ord=encodedkey&a=1#frag')).toBe(
      'postgres://h/db?pass%77ord=***&a=1#frag',
    );
  });

  it('redacts both the userinfo password and a query password in one URL', () => {
    const shown = redactDatabaseUrl('postgres://app:one@h/db?password=two');
    expect(shown).toBe('postgres://app:***@h/db?password=***');
  });

  it('redacts password and sslpassword in a key=value connection string, quoted or not', () => {
    expect(redactDatabaseUrl("host=h port=5432 user=app password='it\\'s a secret' dbname=prod")).toBe(
      'host=h port=5432 user=app password=*** dbname=prod',
    );
    expect(redactDatabaseUrl('host=h password=plain dbname=prod sslpassword = k2')).toBe(
      'host=h password=*** dbname=prod sslpassword = ***',
    );
  });

  it('shows no part of a string that is neither a URL nor key=value, since it may be a pasted secret', () => {
    expect(redactDatabaseUrl('hunter2-not-a-url')).toBe('***');
    expect(redactDatabaseUrl('postgres:/app:pw@h/db')).toBe('***');
    expect(redactDatabaseUrl('')).toBe('');
  });

  it('never throws, even on non-string input from untyped callers', () => {
    expect(redactDatabaseUrl(undefined as unknown as string)).toBe('***');
    expect(redactDatabaseUrl('postgres://a:%E0%A4%A@h/db?password=%ZZ')).toBe('postgres://a:***@h/db?password=***');
  });

  it('never shows a generated password, for any password placed in the URL', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 30 }).filter((p) => !p.includes('@') || p.length > 6),
        fc.constantFrom('userinfo', 'query', 'encoded'),
        (password, where) => {
          const marker = `Zq${password}`;
          const url =
            where === 'userinfo'
              ? `postgres://app:${marker}@db.example.com:5432/prod`
              : where === 'encoded'
                ? `postgres://app:${encodeURIComponent(marker)}@db.example.com/prod`
                : `postgres://app@db.example.com/prod?password=${encodeURIComponent(marker)}`;
          const shown = redactDatabaseUrl(url);
          expect(shown).not.toContain(marker);
          expect(shown).not.toContain(encodeURIComponent(marker));
        },
      ),
    );
  });
});

describe('databaseUrlSecrets', () => {
  it('lists the raw and decoded password and query secrets', () => {
    expect(databaseUrlSecrets('postgres://app:p%40ss@h/db?sslpassword=k+ey')).toEqual(
      expect.arrayContaining(['p%40ss', 'p@ss', 'k+ey', 'k ey']),
    );
  });

  it('finds quoted key=value passwords', () => {
    expect(databaseUrlSecrets("host=h password='a b\\'c'")).toContain("a b'c");
  });

  it('returns nothing for a URL without secrets', () => {
    expect(databaseUrlSecrets('postgres://app@h/db')).toEqual([]);
  });
});

describe('maskableByValue', () => {
  it('masks by value only a password that cannot be an ordinary word of the log', () => {
    for (const word of ['postgres', 'password', 'secret', 'admin', 'hunter2', 'Pass1', 'postgresql']) {
      expect(maskableByValue(word), word).toBe(false);
    }
    for (const strong of ['Tr0ub4dor', 'postgres123', 'p@ss/w0rd-Zq9', 'pw-bounded-1', 'correcthorsebatterystaple']) {
      expect(maskableByValue(strong), strong).toBe(true);
    }
  });
});

describe('a plain-word password in text', () => {
  it('is redacted where it is a password (URLs, password= values), never where the word is something else', () => {
    const text =
      'Could not connect to postgresql://postgres:postgres@db:5432/postgres as user "postgres" ' +
      '(conninfo host=db user=postgres password=postgres, url postgres://app:postgres@h/x?sslpassword=postgres';
    const redacted = redactCredentialsInText(redactUrlsInText(text));
    expect(redacted).toBe(
      'Could not connect to postgresql://postgres:***@db:5432/postgres as user "postgres" ' +
        '(conninfo host=db user=postgres password=***, url postgres://app:***@h/x?sslpassword=***',
    );
    expect(redactText(text)).not.toContain(':postgres@');
    expect(redactText(text)).toContain('postgresql://postgres:***@db:5432/postgres');
  });
});

describe('a password written as a quoted key', () => {
  it('is redacted in a Python dict (a Lambda error quoting its connect() arguments) as in JSON', () => {
    const text = "connect failed: {'host': 'db', 'user': 'app', 'password': 'hunter2', 'port': 5432}";
    expect(redactText(text)).toBe("connect failed: {'host': 'db', 'user': 'app', 'password': ***, 'port': 5432}");
    expect(redactText(`{"db_password" : 'hunter2'}`)).not.toContain('hunter2');
  });
});

describe('plainUrlPasswords and redactWords', () => {
  it('keeps a short plain password to replace where it stands as a word, never one equal to the user name', () => {
    expect(plainUrlPasswords('postgres://ref:hunter2@db/ref')).toEqual(['hunter2']);
    expect(plainUrlPasswords('postgres://postgres:postgres@db/postgres')).toEqual([]);
    expect(plainUrlPasswords('postgres://app:Str0ng-Secret@db/app')).toEqual([]);
    expect(plainUrlPasswords('postgres://app:abc@db/app')).toEqual([]);
  });

  it('replaces whole words only, so a scheme or a longer word keeps its letters', () => {
    expect(redactWords('connect as ref with hunter2; hunter22 hunter2x', ['hunter2'])).toBe(
      'connect as ref with ***; hunter22 hunter2x',
    );
    expect(redactWords('postgresql://db (secret) a.secret', ['secret'])).toBe('postgresql://db (***) a.***');
    expect(redactWords('a+b ok', ['a+b'])).toBe('*** ok');
  });
});
