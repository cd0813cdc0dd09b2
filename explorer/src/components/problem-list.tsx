import type { Problem } from '../lib/problem.ts';

/** A refused write's problems, where and what, as the checks say them. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <>
      <p>
        {problems.length} problem{problems.length === 1 ? '' : 's'}:
      </p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path} ${p.message}`}>
            {p.path}: {p.message}
          </li>
        ))}
      </ul>
    </>
  );
}
