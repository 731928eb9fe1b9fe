import { HttpException, HttpStatus } from '@nestjs/common';

/** Base of every problem `type`: stable URIs clients may switch on (RFC 9457). */
export const PROBLEM_BASE = 'https://assay.dev/problems/';

export interface FieldError {
  /** JSON Pointer (RFC 6901) into the request body or a parameter name, e.g. "/email" or "query:limit". */
  pointer: string;
  detail: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** The catalogue of problem types; `code` is the last segment of `type`. */
export const PROBLEMS = {
  'validation-failed': { status: HttpStatus.BAD_REQUEST, title: 'The request is not valid' },
  'malformed-json': { status: HttpStatus.BAD_REQUEST, title: 'The request body is not valid JSON' },
  'invalid-cursor': { status: HttpStatus.BAD_REQUEST, title: 'The pagination cursor is not valid' },
  unauthenticated: { status: HttpStatus.UNAUTHORIZED, title: 'Authentication is required' },
  'invalid-credentials': { status: HttpStatus.UNAUTHORIZED, title: 'Invalid email or password' },
  'invalid-token': { status: HttpStatus.UNAUTHORIZED, title: 'The token is invalid, expired or revoked' },
  forbidden: { status: HttpStatus.FORBIDDEN, title: 'Your role does not allow this' },
  'read-only': { status: HttpStatus.FORBIDDEN, title: 'This resource is read-only' },
  'not-found': { status: HttpStatus.NOT_FOUND, title: 'Not found' },
  'method-not-allowed': { status: HttpStatus.METHOD_NOT_ALLOWED, title: 'Method not allowed' },
  conflict: { status: HttpStatus.CONFLICT, title: 'Conflict' },
  'session-not-started': { status: HttpStatus.CONFLICT, title: 'The session has not been started' },
  'session-submitted': { status: HttpStatus.CONFLICT, title: 'The session has been submitted' },
  'deadline-passed': { status: HttpStatus.CONFLICT, title: 'The session deadline has passed' },
  'revision-conflict': { status: HttpStatus.CONFLICT, title: 'The answer has a newer revision' },
  'precondition-failed': { status: HttpStatus.PRECONDITION_FAILED, title: 'The resource has changed' },
  'precondition-required': { status: 428, title: 'If-Match is required' },
  'payload-too-large': { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'The request body is too large' },
  'unsupported-media-type': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, title: 'Unsupported media type' },
  'rate-limited': { status: HttpStatus.TOO_MANY_REQUESTS, title: 'Too many requests' },
  'internal-error': { status: HttpStatus.INTERNAL_SERVER_ERROR, title: 'Internal server error' },
  unavailable: { status: HttpStatus.SERVICE_UNAVAILABLE, title: 'Service unavailable' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

/** Throw this anywhere to answer with a specific problem type. */
export class ProblemException extends HttpException {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extras: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    super(detail, PROBLEMS[code].status);
  }
}

export function problem(code: ProblemCode, detail: string, extras: Omit<ProblemDetails, 'type' | 'title' | 'status' | 'detail'> = {}): ProblemDetails {
  const { status, title } = PROBLEMS[code];
  return { type: `${PROBLEM_BASE}${code}`, title, status, detail, ...extras };
}

export const notFound = (what: string) => new ProblemException('not-found', `${what} was not found.`);
