import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'assay:isPublic';

/** Opts a controller or route out of the global authentication guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
