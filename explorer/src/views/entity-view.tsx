import { useQuery } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { Link } from 'wouter-preact';
import { DateText, EntityLink, KindBadge } from '../components/bits.tsx';
import { Citations } from '../components/citations.tsx';
import { ClaimBadge, Disputes } from '../components/claim-badge.tsx';
import { HistoryPanel } from '../components/history-panel.tsx';
import { useTitle } from '../components/hooks.ts';
import { Empty, ErrorBox, isNotFound, Loading } from '../components/states.tsx';
import { citingDocuments, type FactActionProps } from '../curator/citing-documents.tsx';
import { Correct } from '../curator/correct.tsx';
import { Retract } from '../curator/retract.tsx';
import type { EntityQuery as EntityResult } from '../gql/graphql.ts';
import { formatPeriod } from '../lib/dates.ts';
import { formatFigure } from '../lib/figures.ts';
import { groupLinks } from '../lib/link-groups.ts';
import { count, roleText } from '../lib/words.ts';
import { LiveNotice, useRefreshOnChange } from '../live/hooks.tsx';
import { EntityQuery } from '../queries/entity.ts';
import { Neighbourhood } from './graph-view.tsx';

type Entity = NonNullable<EntityResult['entity']>;

/** One entity: its facts (dates at their precision), its sources, its links by type, its neighbours. */
export function EntityView({ slug }: { slug: string }) {
  const [result, reexecute] = useQuery({ query: EntityQuery, variables: { id: slug } });
  const entity = result.data?.entity;
  useTitle(entity?.name ?? slug);
  const updated = useRefreshOnChange(
    (revision) => Boolean(entity && revision.entitySlugs.includes(entity.slug)),
    () => reexecute({ requestPolicy: 'network-only' }),
  );
  if (isNotFound(result.error)) {
    return (
      <Empty>
        <h1>No entity “{slug}”</h1>
        <p>
          The graph has nothing with this id.{' '}
          <Link href={`/?q=${encodeURIComponent(slug)}`}>Search for it</Link>.
        </p>
      </Empty>
    );
  }
  if (result.error) return <ErrorBox error={result.error} retry={reexecute} />;
  if (!entity) return <Loading what="Loading the entity" />;
  // After a write, the page reads the graph again rather than what urql cached.
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <article class="entity-view">
      <header class="entity-head">
        <h1>
          {entity.name} <KindBadge kind={entity.kind} />
        </h1>
        {entity.aliases.length > 0 && <p class="aliases">Also: {entity.aliases.join(', ')}</p>}
        <p class="description">
          {entity.description} <ClaimBadge claim={entity.claim} />
        </p>
        <Disputes deniedBy={entity.deniedBy} omittedBy={entity.omittedBy} />
        <FactActions
          fact={{ entity: entity.slug }}
          label={entity.name}
          documents={citingDocuments(entity.citations)}
          onDone={reload}
        />
        <nav class="actions" aria-label="Views of this entity">
          <Link href={`/graph/${entity.slug}`}>Graph</Link>
          <Link href={`/timeline?involving=${entity.slug}`}>Timeline</Link>
          <Link href={`/path/${entity.slug}`}>Path from here</Link>
          {entity.kind === 'COUNTRY' && (
            <Link href={`/relation/${entity.slug}`}>Relation with…</Link>
          )}
        </nav>
        <LiveNotice revision={updated} />
      </header>
      <div class="entity-body">
        <div class="entity-main">
          <Facts entity={entity} />
          {entity.citations.length > 0 && (
            <section>
              <h2>Sources</h2>
              <Citations citations={entity.citations} />
            </section>
          )}
          <Links entity={entity} onChanged={reload} />
          <HistoryPanel slug={entity.slug} refreshed={updated?.number} />
        </div>
        <aside class="entity-side">
          <h2>
            Neighbourhood{' '}
            <Link href={`/graph/${entity.slug}`} class="small">
              open the graph →
            </Link>
          </h2>
          <Neighbourhood slug={entity.slug} depth={1} height={420} limit={24} />
        </aside>
      </div>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

type FactRow = readonly [label: string, value: ComponentChildren];

/** The fields of its kind as (label, value) rows; a row is left out where its field is empty. */
function factRows(entity: Entity): (FactRow | false | null | undefined | '')[] {
  switch (entity.__typename) {
    case 'Treaty':
      return [
        ['Signed', <DateText date={entity.signed} />],
        entity.inForce && ['In force', <DateText date={entity.inForce} />],
        entity.subject && ['Subject', entity.subject],
      ];
    case 'Event':
      return [
        ['Date', <DateText date={entity.date} />],
        entity.eventCategory && ['Category', entity.eventCategory.toLowerCase().replace(/_/g, ' ')],
      ];
    case 'Incident':
      return [['Date', <DateText date={entity.date} />]];
    case 'UNResolution':
      return [
        ['Number', entity.number],
        ['Organ', entity.organ],
        ['Date', <DateText date={entity.date} />],
        entity.subject && ['Subject', entity.subject],
      ];
    case 'Conflict':
      return [
        ['Start', <DateText date={entity.start} />],
        entity.end && ['End', <DateText date={entity.end} />],
      ];
    case 'Figure':
      return [
        [
          'Value',
          <>
            <span class="figure">{formatFigure(entity.value)}</span> {entity.unit}
          </>,
        ],
        ['Measures', entity.measure],
        ['Period', <DateText date={entity.period} />],
      ];
    case 'StatusPeriod':
      return [
        ['Status', <span class={`status status-${entity.status}`}>{entity.status}</span>],
        ['Period', formatPeriod(entity.validFrom, entity.validTo)],
      ];
    case 'Organization':
    case 'Equipment':
      return [entity.category && ['Category', entity.category]];
    default:
      return [];
  }
}

/** The fields of its kind: dates with their precision, a figure's value with unit and period. */
function Facts({ entity }: { entity: Entity }) {
  const rows = factRows(entity).filter((row): row is FactRow => Boolean(row));
  if (rows.length === 0) return null;
  return (
    <section>
      <h2>Facts</h2>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <Fact label={label} key={label}>
            {value}
          </Fact>
        ))}
      </dl>
    </section>
  );
}

/** Its links grouped by type and direction, each with its dates, role and citations. */
function Links({ entity, onChanged }: { entity: Entity; onChanged: () => void }) {
  const groups = groupLinks(entity.links.edges);
  if (groups.length === 0) return <Empty>No links recorded for this entity.</Empty>;
  return (
    <section>
      <h2>
        Links <span class="muted">({entity.links.totalCount})</span>
      </h2>
      {entity.links.totalCount > entity.links.edges.length && (
        <p class="muted">The first {count(entity.links.edges.length, 'link')} are shown.</p>
      )}
      {groups.map((group) => (
        <details class="link-group" open key={group.key}>
          <summary>
            <span class="group-label">{group.label}</span>{' '}
            <span class="muted">{group.links.length}</span>
          </summary>
          <ul>
            {group.links.map((link) => (
              <li key={`${link.node.slug}:${link.role ?? ''}`}>
                <EntityLink {...link.node} />
                {link.role && <span class="role"> {roleText(link.role)}</span>}{' '}
                <ClaimBadge claim={link.claim} />
                {link.date && (
                  <>
                    {' '}
                    · <DateText date={link.date} />
                  </>
                )}
                {(link.validFrom || link.validTo) && (
                  <span class="muted"> · {formatPeriod(link.validFrom, link.validTo)}</span>
                )}
                {link.note && <span class="note"> · {link.note}</span>}
                <Citations citations={link.citations} />
                <FactActions
                  fact={{
                    link: {
                      type: link.type,
                      from: link.direction === 'INCOMING' ? link.node.slug : entity.slug,
                      to: link.direction === 'INCOMING' ? entity.slug : link.node.slug,
                      role: link.role,
                      date: link.date?.value,
                    },
                  }}
                  label={`${group.label} ${link.node.name}`}
                  documents={citingDocuments(link.citations)}
                  onDone={onChanged}
                />
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

/** What a signed-in curator may do to a fact: correct it or retract it, in a citing document. */
function FactActions(props: FactActionProps) {
  return (
    <>
      <Correct {...props} /> <Retract {...props} />
    </>
  );
}
