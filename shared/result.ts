/**
 * Results and domain errors. Services return `Result<T>`; the HTTP layer turns a `DomainError`
 * into RFC 9457 problem details and Socket.IO acks carry the same `Problem` shape.
 */

/** Kinds of domain error, each with its HTTP status. */
export const DomainErrorKind = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many_requests: 429,
  internal: 500,
} as const;
export type DomainErrorKind = keyof typeof DomainErrorKind;

/** An expected failure, with a French title for people and an optional detail. */
export interface DomainError {
  kind: DomainErrorKind;
  title: string;
  detail?: string;
  /** Field-level messages, keyed by dotted path (for forms). */
  fields?: Record<string, string>;
}

/** RFC 9457 problem details, as sent on the wire. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps a domain error as a failed result. */
export const fail = <T = never>(error: DomainError): Result<T> => ({ ok: false, error });

/** Converts a domain error to problem details. */
export function toProblem(error: DomainError, instance?: string): Problem {
  return {
    type: `https://trame.example/problems/${error.kind.replace('_', '-')}`,
    title: error.title,
    status: DomainErrorKind[error.kind],
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    ...(instance === undefined ? {} : { instance }),
    ...(error.fields === undefined ? {} : { fields: error.fields }),
  };
}
