// A tiny loopback HTTP server for tests: records every request and answers through a handler the test sets.
// The S3/SNS/STS/Lambda/GitHub stand-ins build on it so the real clients talk real HTTP to 127.0.0.1.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path with query string, as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  /** Header names are lower-case (node's convention). */
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** What a handler returns; a body that is not a string or Buffer is sent as JSON. */
export interface HttpReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

/** Return a reply, or undefined after writing to `res` yourself (for hangs, chunked bodies, resets). */
export type HttpHandler = (
  request: RecordedRequest,
  res: ServerResponse,
) => HttpReply | undefined | Promise<HttpReply | undefined>;

export interface TestHttpServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Replaces the handler (per test). */
  setHandler(handler: HttpHandler): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with an OS-chosen port. */
export async function startHttpServer(handler: HttpHandler = () => ({ status: 404 })): Promise<TestHttpServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body,
        text: body.toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => current(recorded, res))
        .then((reply) => {
          if (reply) send(res, reply);
        })
        .catch((error: unknown) => {
          if (!res.headersSent) send(res, { status: 599, body: `test handler failed: ${String(error)}` });
          else res.destroy();
        });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setHandler(next) {
      current = next;
    },
    close() {
      // Hanging handlers keep sockets open; close would wait for them forever.
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, reply: HttpReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let body: string | Buffer = '';
  if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) body = reply.body;
  else if (reply.body !== undefined) {
    body = JSON.stringify(reply.body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}

/** Sets environment variables for one test and returns a function that restores the previous values. */
export function setEnv(values: Record<string, string | undefined>): () => void {
  const previous = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(values)) {
    previous.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of previous) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
