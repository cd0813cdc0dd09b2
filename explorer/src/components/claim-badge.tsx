import type { ClaimPartsFragment, DisputePartsFragment } from '../gql/graphql.ts';
import { EntityLink } from './bits.tsx';
import { Citations } from './citations.tsx';

/**
 * Beside a fact a document attributes to someone: "claim, according to …, quoting …", so a claim
 * is never shown as plain fact. Nothing for a fact the documents state themselves.
 */
export function ClaimBadge({ claim }: { claim: ClaimPartsFragment | null | undefined }) {
  if (!claim?.attributed || !claim.accordingTo) return null;
  return (
    <span class="claim" data-testid="claim">
      <span class="claim-tag">claim</span> according to <EntityLink {...claim.accordingTo} />
      {claim.quoting && (
        <>
          , quoting <EntityLink {...claim.quoting} />
        </>
      )}
    </span>
  );
}

/** Who denies a fact, and whose account leaves it out, each with the quote that says so. */
export function Disputes({
  deniedBy,
  omittedBy,
}: {
  deniedBy: DisputePartsFragment;
  omittedBy: DisputePartsFragment;
}) {
  const rows = [
    ...deniedBy.edges.map((edge) => ({ verb: 'Denied by', edge })),
    ...omittedBy.edges.map((edge) => ({ verb: 'Not mentioned by', edge })),
  ];
  if (rows.length === 0) return null;
  return (
    <ul class="disputes" data-testid="disputes">
      {rows.map(({ verb, edge }) => (
        <li key={`${verb}:${edge.node.slug}`}>
          {verb} <EntityLink {...edge.node} />
          {edge.role && <span class="role"> ({edge.role})</span>}
          <Citations citations={edge.citations} />
        </li>
      ))}
    </ul>
  );
}
