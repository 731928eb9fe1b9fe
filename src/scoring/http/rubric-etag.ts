import type { FastifyReply } from 'fastify';
import { etagFor } from '../../questions/content/etag';

/** Rubric writes answer with the question's new ETag, like PATCH does. */
export function withVersionEtag<T extends { versionId: string }>(reply: FastifyReply, body: T): T {
  void reply.header('ETag', etagFor(body.versionId));
  return body;
}
