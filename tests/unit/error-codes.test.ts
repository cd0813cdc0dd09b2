import { afterAll, describe, expect, it } from 'vitest';
import type { AppUnderTest } from '../helpers/app-requests.ts';
import { documentedErrorCodes } from '../helpers/error-codes.ts';
import { stubApp } from '../helpers/stub-store.ts';

// Each of these errors is found before any Cypher runs: the app runs on a stub store.
describe('every error says what went wrong with a code', () => {
  const development = stubApp();
  const production = stubApp({ NODE_ENV: 'production' });

  afterAll(() => {
    // Not one of these requests needed the database.
    expect([...development.db.statements, ...production.db.statements]).toEqual([]);
  });

  const post = async (helper: AppUnderTest, body: unknown) => {
    const response = await helper.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  /** The one error of an answer, as message and code, with the status. */
  const errorOf = async (body: unknown, helper = development) => {
    const answer = await post(helper, body);
    expect(answer.body.errors, JSON.stringify(answer.body)).toHaveLength(1);
    const [error] = answer.body.errors;
    return { status: answer.status, message: error.message, code: error.extensions?.code };
  };

  it('names the argument of a malformed cursor', async () => {
    // "OffsetConnection:10" without its base64 padding, and not base64 at all.
    for (const [argument, cursor] of [
      ['after', 'T2Zmc2V0Q29ubmVjdGlvbjoxMA'],
      ['before', '!!!'],
    ]) {
      expect(
        await errorOf({ query: `{ countries(${argument}: "${cursor}") { totalCount } }` }),
      ).toEqual({
        status: 200,
        message: `${argument} is not a cursor of this API: "${cursor}"`,
        code: 'BAD_USER_INPUT',
      });
    }
  });

  it("answers an argument its validation schema refuses with BAD_USER_INPUT, in the schema's words", async () => {
    expect(await errorOf({ query: '{ unResolutions(number: "x*") { totalCount } }' })).toEqual({
      status: 200,
      message: 'number must be digits, e.g. "242"',
      code: 'BAD_USER_INPUT',
    });
  });

  it('answers a variable that does not fit its type with BAD_USER_INPUT', async () => {
    expect(
      await errorOf({
        query: 'query ($n: Int) { countries(first: $n) { totalCount } }',
        variables: { n: 'ten' },
      }),
    ).toEqual({
      status: 400,
      message:
        'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
      code: 'BAD_USER_INPUT',
    });
  });

  it('answers an unknown or missing operationName with OPERATION_RESOLUTION_FAILURE', async () => {
    expect(await errorOf({ query: 'query A { __typename }', operationName: 'B' })).toEqual({
      status: 400,
      message: 'operationName "B" names no operation of the document (its operations: "A").',
      code: 'OPERATION_RESOLUTION_FAILURE',
    });
    expect(await errorOf({ query: 'query A { __typename } query B { __typename }' })).toEqual({
      status: 400,
      message:
        'The document holds 2 operations ("A", "B"): send operationName to say which to run.',
      code: 'OPERATION_RESOLUTION_FAILURE',
    });
  });

  it('refuses a write without an API key: 401 UNAUTHENTICATED, saying how to send one', async () => {
    expect(
      await errorOf({
        query:
          'mutation { revert(input: { revision: 1, reason: "a reason" }) { problems { message } } }',
      }),
    ).toEqual({
      status: 401,
      message: 'revert needs an API key: send it as "Authorization: Bearer <key>"',
      code: 'UNAUTHENTICATED',
    });
  });

  it("shows no JSON parser's message for a malformed body in production", async () => {
    const answer = await post(production, '{"query": }');
    expect(answer).toEqual({
      status: 400,
      body: {
        errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      },
    });
  });

  it('lists every code of these errors in the table of docs/operations.md', async () => {
    const codes = await documentedErrorCodes();
    for (const code of [
      'BAD_USER_INPUT',
      'OPERATION_RESOLUTION_FAILURE',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_REQUEST',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'CONFLICT',
    ]) {
      expect(codes).toContain(code);
    }
  });
});
