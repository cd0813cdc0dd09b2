import { CitationRepository } from './citation-repository.ts';
import type { Reads } from './database.ts';
import { DocumentFactsRepository } from './document-facts-repository.ts';
import { DocumentRepository } from './document-repository.ts';
import { DraftRepository } from './draft-repository.ts';
import { EntityRepository } from './entity-repository.ts';
import { GraphRepository } from './graph-repository.ts';
import { LinkRepository } from './link-repository.ts';
import { RelationRepository } from './relation-repository.ts';
import { SearchRepository } from './search-repository.ts';
import { TimelineRepository } from './timeline-repository.ts';

/** Every repository the API reads through. */
export interface Repositories {
  documents: DocumentRepository;
  documentFacts: DocumentFactsRepository;
  entities: EntityRepository;
  links: LinkRepository;
  citations: CitationRepository;
  relations: RelationRepository;
  graph: GraphRepository;
  search: SearchRepository;
  timeline: TimelineRepository;
  drafts: DraftRepository;
}

export function createRepositories(db: Reads): Repositories {
  return {
    documents: new DocumentRepository(db),
    documentFacts: new DocumentFactsRepository(db),
    entities: new EntityRepository(db),
    links: new LinkRepository(db),
    citations: new CitationRepository(db),
    relations: new RelationRepository(db),
    graph: new GraphRepository(db),
    search: new SearchRepository(db),
    timeline: new TimelineRepository(db),
    drafts: new DraftRepository(db),
  };
}
