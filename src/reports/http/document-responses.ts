import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { RenderedDocument } from '../render';
import { MEDIA_TYPES, type Format } from './negotiate';

const DESCRIPTIONS: Record<Format, string> = {
  json: 'The JSON document (the default).',
  csv: 'RFC 4180 CSV with a header row; text cells that could start a spreadsheet formula are prefixed with an apostrophe.',
  md: 'Markdown.',
  html: 'A self-contained printable HTML page (inline CSS and SVG, no scripts).',
};

/**
 * Documents a 200 that is JSON by default and, by `?format=` or Accept, one
 * of the text formats (plain string schemas).
 */
export function ApiDocumentResponse(model: new () => object, formats: readonly Format[], description: string) {
  const content = Object.fromEntries(
    formats.map((format) => [
      MEDIA_TYPES[format],
      format === 'json' ? { schema: { $ref: getSchemaPath(model) } } : { schema: { type: 'string', description: DESCRIPTIONS[format] } },
    ]),
  );
  return applyDecorators(ApiExtraModels(model), ApiResponse({ status: 200, description, content }));
}

/** Sends a rendered text document through the reply Nest hands back. */
export function sendDocument(reply: FastifyReply, document: RenderedDocument): string {
  void reply.header('Content-Type', document.contentType).header('Content-Disposition', document.contentDisposition);
  for (const [name, value] of Object.entries(document.headers)) void reply.header(name, value);
  return document.body;
}
