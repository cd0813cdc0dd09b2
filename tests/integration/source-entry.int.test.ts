import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { graphContent } from '../helpers/graph-fingerprint.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';
import { bearer, send } from '../helpers/write-client.ts';

// `sourceEntry`: a document's own entry for an entity or a link, read from its stored source file,
// the form `correctEntity` and `correctLink` take back.

const DOC = 'tass-russian-israeli-relations';
const OTHER = 'israel-russia-bilateral-relations';

type Entry = Record<string, unknown>;

async function seedFile(): Promise<{ entities: Entry[]; links: Entry[] }> {
  return parse(await readFile(new URL(`../../data/${DOC}.yaml`, import.meta.url), 'utf8'));
}

const ENTRIES = `query ($doc: String!, $other: String!) {
  entity(id: "ussr") { sourceEntry(document: $doc) none: sourceEntry(document: "no-such-document") }
  document(id: "${DOC}") {
    revision
    links(involving: "palestinian-national-unity-government", types: [OPPOSES]) {
      nodes { from { slug } sourceEntry(document: $doc) other: sourceEntry(document: $other) }
    }
  }
}`;

const CORRECT_LINK = `mutation ($input: CorrectLinkInput!) {
  correctLink(input: $input) { revision { number action before after } problems { path message } }
}`;

describe('a document’s source-file entry for an entity or a link', () => {
  const helper = useSeededGraph();

  it('is the entry exactly as the source file has it, context quotes and dates as written; null where the document does not state it', async () => {
    const file = await seedFile();
    const ussr = file.entities.find((e) => e.id === 'ussr');
    const opposes = file.links.find(
      (l) =>
        l.type === 'OPPOSES' &&
        l.from === 'israel' &&
        l.to === 'palestinian-national-unity-government',
    );
    const data = await helper.ask(ENTRIES, { doc: DOC, other: OTHER });
    expect(data.entity).toEqual({ sourceEntry: ussr, none: null });
    expect(data.document.links.nodes).toEqual([
      { from: { slug: 'israel' }, sourceEntry: opposes, other: null },
    ]);
    // The entry keeps what the form does not edit: the date as written, the context quote.
    expect(opposes).toMatchObject({
      date: { value: '~2014-04', asWritten: 'At that point' },
      cite: expect.arrayContaining([
        { context: 'The negotiation process was suspended in April 2014' },
      ]),
    });
  });

  it('gives every link a document states its own entry, reading each document’s source file once per request', async () => {
    const file = await seedFile();
    const reads = vi.spyOn(helper.db, 'read');
    const data = await helper.ask(
      `query ($doc: String!, $other: String!) {
        document(id: "${DOC}") {
          links(first: 100) {
            totalCount
            nodes { sourceEntry(document: $doc) other: sourceEntry(document: $other) }
          }
        }
      }`,
      { doc: DOC, other: OTHER },
    );
    const sourceReads = reads.mock.calls.filter(([cypher]) => cypher.includes('UNWIND $documents'));
    reads.mockRestore();
    const { nodes, totalCount } = data.document.links;
    expect(nodes).toHaveLength(Math.min(totalCount, 100));
    for (const node of nodes) expect(file.links).toContainEqual(node.sourceEntry);
    expect(sourceReads.map(([, params]) => params)).toEqual([{ documents: [DOC, OTHER] }]);
  });

  it('sent back unchanged as a correction, changes nothing the graph holds (the write path records the revision)', async () => {
    const curator = await bearer(helper.db, 'curator');
    const data = await helper.ask(ENTRIES, { doc: DOC, other: OTHER });
    const entry = data.document.links.nodes[0].sourceEntry;
    const before = await graphContent(helper.db);
    const answer = await send(helper.app, curator.header, CORRECT_LINK, {
      input: {
        document: DOC,
        expectedRevision: data.document.revision,
        reason: 'no change at all',
        link: { type: 'OPPOSES', from: 'israel', to: 'palestinian-national-unity-government' },
        replacement: entry,
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.correctLink.problems).toEqual([]);
    expect(answer.data?.correctLink.revision).toMatchObject({
      action: 'correctLink',
      before: entry,
      after: entry,
    });
    // What the graph holds; Neo4j may store the document's facts again under new element ids.
    expect(await graphContent(helper.db)).toEqual(before);
    const again = await helper.ask(ENTRIES, { doc: DOC, other: OTHER });
    expect(again.document.links.nodes[0].sourceEntry).toEqual(entry);
  });
});
