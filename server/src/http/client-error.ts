/**
 * Requests Node's HTTP parser rejects before any route runs (headers over 16 KB, an unknown method,
 * a malformed request line) would get a bare status line. The server's `clientError` hook answers
 * them with a problem document like every other error.
 */
import type { Socket } from 'node:net';
import { problemBody } from './problem.js';
import type { ProblemCode } from '../core/errors.js';

function codeFor(err: NodeJS.ErrnoException): { code: ProblemCode; detail: string } {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW': return { code: 'headers_too_large', detail: 'The request headers are larger than 16 KB. Send fewer or shorter headers.' };
    case 'HPE_INVALID_METHOD': return { code: 'method_not_allowed', detail: 'This HTTP method is not used by the API. See openapi.yaml for the methods of each route.' };
    default: return { code: 'bad_request', detail: 'The request could not be parsed as HTTP/1.1. Check the request line and headers.' };
  }
}

/** Answer a parser error with application/problem+json, then close the connection. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return; }
  const { code, detail } = codeFor(err);
  const body = JSON.stringify(problemBody(code, detail, '/'));
  const status = problemBody(code, detail, '/').status;
  const reason = { 400: 'Bad Request', 405: 'Method Not Allowed', 431: 'Request Header Fields Too Large' }[status] ?? 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/** Install the hook on a server (API and SSE roles). */
export function problemOnClientError(server: { on(event: 'clientError', fn: (err: Error, socket: Socket) => void): unknown }): void {
  server.on('clientError', (err, socket) => answerClientError(err as NodeJS.ErrnoException, socket));
}
