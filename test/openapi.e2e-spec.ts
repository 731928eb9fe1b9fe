import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderOpenApiYaml } from '../src/openapi/openapi-document';

describe('openapi.yaml', () => {
  it('is in sync with the controllers and DTOs (run `npm run openapi` after changing them)', async () => {
    const checkedIn = readFileSync(path.resolve(__dirname, '../openapi.yaml'), 'utf8');
    expect(await renderOpenApiYaml()).toBe(checkedIn);
  });
});
