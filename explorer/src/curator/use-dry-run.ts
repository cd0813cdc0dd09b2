import type { CombinedError } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../lib/problem.ts';
import { type WriteError, writeErrorOf } from './write-errors.ts';

/** How long typing pauses before the dry run checks the write again. */
const CHECK_DELAY_MS = 400;

/** A dry run's answer: the problems the write would have, or the error that refused it. */
export interface DryRunAnswer {
  error?: CombinedError;
  problems?: Problem[];
}

/**
 * The checks of a write form, live: `check` (the write with `dryRun`) runs once typing pauses,
 * while `input` is complete and `active`; a later answer replaces an earlier one. Null problems
 * while a check is pending. The setters let a real submit show its own answer.
 */
export function useDryRun<Input>(
  input: Input | null,
  check: (input: Input) => Promise<DryRunAnswer>,
  active = true,
) {
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [failure, setFailure] = useState<WriteError | null>(null);
  const inputKey = JSON.stringify(input);
  useEffect(() => {
    setProblems(null);
    setFailure(null);
    if (!input || !active) return;
    let live = true;
    const timer = setTimeout(async () => {
      const answer = await check(input);
      if (!live) return;
      const error = writeErrorOf(answer.error);
      if (error) setFailure(error);
      else setProblems(answer.problems ?? []);
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [inputKey, active]);
  return { problems, failure, setProblems, setFailure };
}
