import type { INestApplication } from '@nestjs/common';

/** Loads the built-in library from seed/ when it is empty. (Being built by the questions module.) */
export async function loadLibraryIfEmpty(_app: INestApplication, _log: (message: string) => void): Promise<void> {
  return;
}
