/** Where a refused write or a check must be fixed, and what is wrong, as the checks say it. */
export interface Problem {
  path: string;
  message: string;
}
