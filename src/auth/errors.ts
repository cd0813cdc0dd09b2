import { AppError } from '../errors.ts';

/** The request's bearer token is missing (for a write), malformed, unknown, revoked or expired. */
export class UnauthenticatedError extends AppError {
  override readonly extensions: {
    code: string;
    http: { status: number; headers: Record<string, string> };
  };

  constructor(message: string) {
    super(message, 'UNAUTHENTICATED');
    this.extensions = {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="relations-graph"' } },
    };
  }
}

/** The caller's role may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}
