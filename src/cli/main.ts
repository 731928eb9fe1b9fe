#!/usr/bin/env node
import { processIo } from './cli-io';
import { runCli } from './run-cli';

/** `npm run assay -- <command> …`; see registry.ts for the commands. */
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
