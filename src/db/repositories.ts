import { CitationRepository } from './citation-repository.ts';
import type { Database } from './database.ts';
import { DocumentRepository } from './document-repository.ts';
import { EntityRepository } from './entity-repository.ts';
import { LinkRepository } from './link-repository.ts';

/** Every repository the API reads through. */
export interface Repositories {
  documents: DocumentRepository;
  entities: EntityRepository;
  links: LinkRepository;
  citations: CitationRepository;
}

export function createRepositories(db: Database): Repositories {
  return {
    documents: new DocumentRepository(db),
    entities: new EntityRepository(db),
    links: new LinkRepository(db),
    citations: new CitationRepository(db),
  };
}
