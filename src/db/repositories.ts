import type { Database } from './database.ts';
import { DocumentRepository } from './document-repository.ts';

/** Every repository the API reads through. */
export interface Repositories {
  documents: DocumentRepository;
}

export function createRepositories(db: Database): Repositories {
  return { documents: new DocumentRepository(db) };
}
