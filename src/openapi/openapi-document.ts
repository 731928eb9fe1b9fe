import { stringify } from 'yaml';
import { buildOpenApiDocument, createApp } from '../app.factory';
import { loadConfig } from '../config/config';

/**
 * The OpenAPI document as checked in: built from the controllers and DTOs,
 * rendered deterministically so regeneration only changes what the code changed.
 */
export async function renderOpenApiYaml(): Promise<string> {
  // Building the document instantiates providers but never queries, so any
  // syntactically valid URL will do.
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/openapi', LOG_LEVEL: 'error' });
  const app = await createApp(config);
  try {
    const document = buildOpenApiDocument(app, config);
    return `# Generated from the code by \`npm run openapi\`; do not edit by hand.\n${stringify(sortKeys(document), { lineWidth: 0 })}`;
  } finally {
    await app.close();
  }
}

function sortKeys(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item));
  if (value && typeof value === 'object') {
    // Property order inside schemas is meaningful to readers; path and
    // component maps are sorted so diffs stay small.
    const entries = Object.entries(value);
    const sorted = ['paths', 'schemas', 'responses'].includes(parentKey) ? entries.sort(([a], [b]) => a.localeCompare(b)) : entries;
    return Object.fromEntries(sorted.map(([key, child]) => [key, sortKeys(child, key)]));
  }
  return value;
}
