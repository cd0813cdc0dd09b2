import { type AuditResult, serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server.ts';

/**
 * SHOULD audits of the GraphQL over HTTP spec that the server is known not to pass, by audit id,
 * each with its reason (also listed in docs/operations.md, "Security and limits"). A test fails when one
 * of them starts passing, or another stops, so that this list and the doc stay true.
 */
const SHOULD_NOT_PASSED: Record<string, string> = {};

describe('GraphQL over HTTP (graphql-http server audits, against a listening server)', () => {
  const server = useTestServer({ graph: 'as-is', env: { SEED: 'false' } });
  const audits = serverAudits({ url: () => server.url, fetchFn: fetch }).filter(
    (audit) => !audit.name.startsWith('MAY'),
  );
  const results = new Map<string, AuditResult>();

  it('has MUST and SHOULD audits to run', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(audits.filter((a) => a.name.startsWith('SHOULD')).length).toBeGreaterThan(10);
    for (const id of Object.keys(SHOULD_NOT_PASSED)) {
      expect(audits.map((a) => a.id)).toContain(id);
    }
  });

  for (const audit of audits) {
    const known = SHOULD_NOT_PASSED[audit.id];
    const title = known ? `${audit.name} (known not to pass)` : audit.name;
    it(`${title} [${audit.id}]`, async () => {
      const result = await audit.fn();
      results.set(audit.id, result);
      const reason = result.status === 'ok' ? '' : result.reason;
      if (known) expect(result.status, `now passes: ${known}`).not.toBe('ok');
      else expect(result.status, reason).toBe('ok');
    });
  }

  it('fails exactly the SHOULD audits listed as not passed', () => {
    const failing = [...results.values()]
      .filter((r) => r.name.startsWith('SHOULD') && r.status !== 'ok')
      .map((r) => r.id)
      .sort();
    expect(results.size).toBe(audits.length);
    expect(failing).toEqual(Object.keys(SHOULD_NOT_PASSED).sort());
  });
});
