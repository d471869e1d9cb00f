/** What the API answers on failure (application/problem+json, RFC 9457), as the portal reads it. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

/** The API refused the request: the message is already in the user's language (Accept-Language). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

/** The request never got an answer (offline, server down): whatever the user typed must be kept. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network unreachable', { cause });
    this.name = 'NetworkError';
  }
}

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && 'code' in body) return { status, ...(body as Record<string, unknown>) } as Problem;
  return { status, code: `HTTP_${status}` };
}
