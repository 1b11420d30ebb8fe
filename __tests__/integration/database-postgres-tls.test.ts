// sslmode semantics of the postgres adapter, end to end: a TLS-terminating proxy on 127.0.0.1 with a throwaway
// self-signed certificate sits in front of the real server (which has TLS off), so `require` must encrypt without
// checking the certificate and `verify-full` must check it, as libpq does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresExecutor } from '../../src/database/postgres.js';
import { pgServerUnavailable, pgServerUrl } from '../support/real-parts.js';

const serverMissing = (await pgServerUnavailable()) !== null;

function makeCertificate(dir: string): { key: string; cert: string; certPath: string } | null {
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    console.warn(`skipping sslmode tests: openssl could not make a certificate: ${(error as Error).message}`);
    return null;
  }
  const certPath = join(dir, 'cert.pem');
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath };
}

const dir = mkdtempSync(join(tmpdir(), 'sda-tls-'));
const certificate = makeCertificate(dir);

describe.skipIf(serverMissing || certificate === null)('postgres adapter sslmode through a TLS proxy', () => {
  let proxy: Server;
  let port: number;
  let tlsSessions = 0;
  let plainSessions = 0;
  const upstream = new URL(pgServerUrl);
  const url = (query: string) =>
    `postgres://${upstream.username}:${upstream.password}@127.0.0.1:${port}${upstream.pathname}?${query}`;

  beforeAll(async () => {
    const { key, cert } = certificate ?? { key: '', cert: '' };
    proxy = createServer((client: Socket) => {
      client.on('error', () => {});
      client.once('data', (first: Buffer) => {
        const server = connect(Number(upstream.port || 5432), upstream.hostname);
        server.on('error', () => client.destroy());
        // SSLRequest: length 8, code 80877103. Answer 'S' and speak TLS; the server behind it gets plain bytes.
        if (first.length === 8 && first.readInt32BE(4) === 80877103) {
          client.write('S');
          const secure = new TLSSocket(client, { isServer: true, key, cert });
          secure.on('error', () => server.destroy());
          secure.on('secure', () => {
            tlsSessions += 1;
          });
          secure.pipe(server).pipe(secure);
        } else {
          plainSessions += 1;
          server.write(first);
          client.pipe(server).pipe(client);
        }
      });
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    port = (proxy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((done) => proxy.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('encrypts without checking the certificate with sslmode=require, as libpq does', async () => {
    const before = tlsSessions;
    const executor = await openPostgresExecutor(url('sslmode=require'));
    try {
      expect(await executor.query('select 1 as one')).toEqual([{ one: 1 }]);
      expect(tlsSessions).toBe(before + 1);
    } finally {
      await executor.close();
    }
  });

  it('rejects the self-signed certificate with sslmode=verify-full and no sslrootcert', async () => {
    await expect(openPostgresExecutor(url('sslmode=verify-full'))).rejects.toThrow(
      /^Could not connect to PostgreSQL at .*: self[- ]signed certificate/,
    );
  });

  it('accepts the certificate with sslmode=verify-full when sslrootcert names it', async () => {
    const executor = await openPostgresExecutor(url(`sslmode=verify-full&sslrootcert=${certificate?.certPath}`));
    await executor.close();
  });

  it('refuses sslmode=verify-ca without sslrootcert, explaining why', async () => {
    await expect(openPostgresExecutor(url('sslmode=verify-ca'))).rejects.toThrow(
      /^Could not connect to PostgreSQL at .*: SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert/,
    );
  });

  it('speaks plain text with sslmode=disable and with no sslmode at all', async () => {
    const before = plainSessions;
    for (const query of ['sslmode=disable', 'application_name=x']) {
      const executor = await openPostgresExecutor(url(query));
      await executor.close();
    }
    expect(plainSessions).toBe(before + 2);
  });
});
