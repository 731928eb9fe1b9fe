#!/usr/bin/env node
// `prisma generate` only checks that a schema-engine binary exists before it
// generates (it never runs it), and downloading one fails without internet.
// Pointing PRISMA_SCHEMA_ENGINE_BINARY at any executable lets it generate offline.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const cli = require.resolve('prisma/build/index.js');
execFileSync(process.execPath, [cli, 'generate', '--schema', path.join(__dirname, 'schema.prisma')], {
  env,
  stdio: process.argv.includes('--verbose') ? 'inherit' : ['ignore', 'ignore', 'inherit'],
});
