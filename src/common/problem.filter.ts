import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordServerError } from '../telemetry/record-error';
import { problem, ProblemCode, ProblemDetails, ProblemException, PROBLEMS } from './problem';

/**
 * Every error leaves as application/problem+json. Framework and parser errors
 * (bad JSON, oversized bodies, wrong content types) are mapped to 4xx so
 * malformed input never surfaces as a 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers } = this.toProblem(exception);
    body.instance = request.url;
    if (body.status >= 500) {
      recordServerError(exception);
      this.logger.error({ err: exception, status: body.status }, 'request failed');
    }
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
  }

  private toProblem(exception: unknown): { body: ProblemDetails; headers: Record<string, string> } {
    if (exception instanceof ProblemException) {
      const { headers = {}, ...extras } = exception.extras;
      return { body: problem(exception.code, exception.detail, extras), headers };
    }
    if (exception instanceof HttpException) return { body: this.fromHttpException(exception), headers: {} };
    const frameworkError = this.fromFrameworkError(exception);
    if (frameworkError) return { body: frameworkError, headers: {} };
    return { body: problem('internal-error', 'Something went wrong on our side. The error has been logged.'), headers: {} };
  }

  private fromHttpException(exception: HttpException): ProblemDetails {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
    const code = codeForStatus(status);
    // Nest re-throws fastify's body-parser failure as a plain 400.
    if (status === 400 && /not valid JSON|Unexpected token|JSON at position|Unexpected end of JSON/i.test(detail)) {
      return problem('malformed-json', `The request body could not be parsed as JSON: ${detail}.`);
    }
    if (status === 415) return problem('unsupported-media-type', 'Send request bodies as application/json.');
    if (code === 'not-found' && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(detail)) {
      return problem('not-found', `No route matches ${detail.replace(/^Cannot /, '')}.`);
    }
    const body = problem(code, detail);
    body.status = status;
    return body;
  }

  /** Fastify's own errors carry `statusCode` and a FST_* `code`. */
  private fromFrameworkError(exception: unknown): ProblemDetails | undefined {
    if (typeof exception !== 'object' || exception === null) return undefined;
    const { statusCode, code, message } = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (statusCode === 400 && /JSON/i.test(message ?? ''))) {
      return problem('malformed-json', `The request body could not be parsed as JSON: ${message ?? 'invalid JSON'}.`);
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
      return problem('payload-too-large', 'The request body exceeds the size limit.');
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || statusCode === 415) {
      return problem('unsupported-media-type', 'Send request bodies as application/json.');
    }
    const body = problem(codeForStatus(statusCode), message ?? 'The request could not be processed.');
    body.status = statusCode;
    return body;
  }
}

function codeForStatus(status: number): ProblemCode {
  const match = (Object.entries(PROBLEMS) as [ProblemCode, { status: number }][]).find(([, p]) => p.status === status);
  if (match) return match[0];
  return status >= 500 ? 'internal-error' : 'validation-failed';
}
