import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'assay:isPublic';
/** Marks operations that need no credentials in openapi.yaml (see buildOpenApiDocument). */
export const PUBLIC_OPERATION_EXTENSION = 'x-assay-public';

/** Opts a controller or route out of the global authentication guard. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));
