/**
 * `npm run persisted-documents -- <out.json> <file.graphql | folder>…`: writes the persisted
 * (trusted) documents file that PERSISTED_DOCUMENTS_FILE reads, one document per .graphql file
 * (folders are searched recursively), each checked against the schema and keyed by its SHA-256.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { schema } from '../src/schema/index.ts';
import {
  persistedDocumentsFile,
  persistedDocumentsOf,
} from '../src/security/persisted-documents.ts';

async function graphqlFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: npm run persisted-documents -- <out.json> <file.graphql | folder>…');
  process.exit(2);
}
try {
  const files = (await Promise.all(inputs.map(graphqlFiles))).flat();
  const sources = await Promise.all(
    files.map(async (name) => ({ name, text: await readFile(name, 'utf8') })),
  );
  const documents = persistedDocumentsOf(sources, schema);
  await writeFile(out, `${JSON.stringify(persistedDocumentsFile(documents), null, 2)}\n`);
  for (const { id, name } of documents) console.log(`${id}  ${name}`);
  console.log(`wrote ${out}: ${documents.length} documents`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
