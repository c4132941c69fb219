#!/usr/bin/env node
// Entry point of `npx packet-ladder`: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/packet-ladder.ts');
