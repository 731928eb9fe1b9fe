import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const ETAG_HEADER = { ETag: { description: 'The current version’s entity tag; send it as If-Match to edit.', schema: { type: 'string' } } };

export const ApiIfMatch = () =>
  applyDecorators(ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the version being edited (from GET or the previous PATCH).' }));
