import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderOpenApiYaml } from './openapi-document';

renderOpenApiYaml()
  .then((yaml) => {
    const file = path.resolve(__dirname, '../../openapi.yaml');
    writeFileSync(file, yaml);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
