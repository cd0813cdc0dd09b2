import { ProblemList } from '../components/problem-list.tsx';
import type { Problem } from '../lib/problem.ts';
import type { WriteError } from './write-errors.ts';

/**
 * A write form's live checks (`useDryRun`): waiting for input, checking, passing or the problems;
 * and an error, with a reload of the document's revision when someone changed it (CONFLICT).
 */
export function WriteChecks(props: {
  ready: boolean;
  waiting: string;
  problems: Problem[] | null;
  failure: WriteError | null;
  onReload: () => void;
  testId: string;
}) {
  const { problems, failure } = props;
  return (
    <>
      <div class="curator-checks" role="status" aria-live="polite" data-testid={props.testId}>
        {!props.ready ? (
          props.waiting
        ) : failure ? null : problems === null ? (
          'Checking…'
        ) : problems.length === 0 ? (
          <p class="checks-pass">The checks pass.</p>
        ) : (
          <ProblemList problems={problems} />
        )}
      </div>
      {failure && (
        <div class="state error" role="alert">
          <p>{failure.message}</p>
          {failure.code === 'CONFLICT' && (
            <button type="button" onClick={props.onReload}>
              Reload the document’s revision
            </button>
          )}
        </div>
      )}
    </>
  );
}
