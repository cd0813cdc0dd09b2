import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ClientConcurrency, clientOf } from '../../src/http/client-concurrency.ts';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe('clientOf', () => {
  it('is the remote address unless a proxy is trusted', () => {
    expect(clientOf(request('10.0.0.5', '203.0.113.9'), false)).toBe('10.0.0.5');
  });

  it('behind a trusted proxy is the address it appended, not what the client claimed before', () => {
    expect(clientOf(request('10.0.0.5', '198.51.100.1, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientOf(request('10.0.0.5'), true)).toBe('10.0.0.5');
  });
});

describe('ClientConcurrency', () => {
  it('gives each client at most `max` slots, and takes a slot back once, however often released', () => {
    const limit = new ClientConcurrency(2);
    const first = limit.acquire('a');
    const second = limit.acquire('a');
    expect(first && second).toBeTruthy();
    expect(limit.acquire('a')).toBeUndefined();
    expect(limit.acquire('b')).toBeTruthy();
    first?.();
    first?.();
    expect(limit.acquire('a')).toBeTruthy();
    expect(limit.acquire('a')).toBeUndefined();
  });
});
