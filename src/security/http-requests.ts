import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The media types yoga can answer in (see its result processors). */
const ANSWERED = [
  'application/graphql-response+json',
  'application/json',
  'multipart/mixed',
  'text/event-stream',
];

/** The media types an Accept header asks for, as yoga reads it (entries not in UTF-8 left out). */
function acceptedTypes(accept: string): string[] {
  return accept
    .replace(/\s/g, '')
    .toLowerCase()
    .split(',')
    .flatMap((entry) => {
      const [type, ...params] = entry.split(';');
      const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
      return type && charset === 'charset=utf-8' ? [type] : [];
    });
}

function matches(answered: string, asked: string): boolean {
  const [type, subtype] = answered.split('/');
  const [askedType, askedSubtype] = asked.split('/');
  return (
    (askedType === '*' || askedType === type) && (askedSubtype === '*' || askedSubtype === subtype)
  );
}

/** A header's value quoted for a message, cut short if long. */
const quoted = (value: string) =>
  JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);

type Payload = Parameters<NonNullable<Plugin['onRequestParse']>>[0];

const errorResponse = (
  { fetchAPI }: Payload,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) =>
  new fetchAPI.Response(
    JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }),
    {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    },
  );

/**
 * Refuses, before anything is parsed or run, what yoga would refuse only with an empty body or a
 * 500: an Accept header none of its media types match (yoga would run the operation, then answer
 * an empty 406), a POST in a content type no parser reads (an empty 415), and request parameters
 * that are not JSON (`variables` or `extensions` in a URL or a form: yoga's parser throws, masked
 * as a 500). Each answer says what to send instead.
 */
export function useRequestChecks(): Plugin {
  return {
    onRequestParse(payload) {
      const { request, requestParser, setRequestParser, endResponse } = payload;
      // Other methods are refused by yoga (405).
      if (request.method !== 'GET' && request.method !== 'POST') return;
      const accept = request.headers.get('accept');
      if (accept && !acceptedTypes(accept).some((t) => ANSWERED.some((a) => matches(a, t)))) {
        endResponse(
          errorResponse(
            payload,
            406,
            `Not Acceptable: this server answers in application/graphql-response+json or ` +
              `application/json, and the request accepts only ${quoted(accept)}.`,
            { accept: ANSWERED.join(', ') },
          ),
        );
        return;
      }
      if (!requestParser) {
        if (request.method === 'POST') {
          const type = request.headers.get('content-type');
          endResponse(
            errorResponse(
              payload,
              415,
              `Unsupported Media Type: send the request as application/json${
                type ? `, not ${quoted(type)}` : ' (the request has no Content-Type)'
              }.`,
            ),
          );
        }
        return;
      }
      const parse = requestParser;
      setRequestParser(async (req) => {
        try {
          return await parse(req);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw new GraphQLError(
            `The request's parameters are not valid: variables and extensions must be JSON objects (${error.message}).`,
            { extensions: { code: 'BAD_REQUEST', http: { status: 400, spec: true } } },
          );
        }
      });
    },
  };
}
