// `analyze` as one CommonJS bundle made by esbuild (a devDependency at the version tsx, its own
// compiler, brings) and kept in the temporary directory: a batch job loads one file instead of
// compiling and resolving ~70 modules through tsx on every start (about a third of a second and
// 15 MB less). The bundle is made again when any file it was made from changed (size or time);
// without esbuild, or without a writable cache, the sources load through tsx as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = `export { analyzeCommand } from './analyze-command.ts';
export { exitQuietlyOnEpipe } from './capture-input.ts';
export { standardOutput } from './fd-output.ts';`;

/** One cache per checkout, so two checkouts never overwrite each other's bundle. */
function cacheFiles() {
  const tag = createHash('sha256').update(ROOT).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `packet-ladder-${process.getuid?.() ?? 'user'}`);
  return {
    dir,
    bundle: path.join(dir, `analyze-${tag}.cjs`),
    inputs: path.join(dir, `analyze-${tag}.json`),
  };
}

const stamp = (file) => {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

function fresh(files) {
  try {
    // Only a directory of this user's own: never load code another user could have put there.
    const dir = fs.statSync(files.dir);
    if (process.getuid && dir.uid !== process.getuid()) throw new Error(`${files.dir} is not ours`);
    const inputs = JSON.parse(fs.readFileSync(files.inputs, 'utf8'));
    if (!fs.existsSync(files.bundle)) return false;
    for (const [file, was] of Object.entries(inputs))
      if (stamp(path.join(ROOT, file)) !== was) return false;
    return true;
  } catch (e) {
    if (e.code === 'ENOENT' || e instanceof SyntaxError) return false;
    throw e;
  }
}

function build(files) {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    stdin: { contents: ENTRY, resolveDir: path.join(ROOT, 'server/cli'), loader: 'ts' },
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs))
    if (!file.startsWith('<')) inputs[file] = stamp(path.join(ROOT, file));
  fs.mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  // Written aside and renamed: a run starting meanwhile sees the old bundle or the new one, whole.
  const part = `${files.bundle}.${process.pid}`;
  fs.writeFileSync(part, result.outputFiles[0].contents);
  fs.renameSync(part, files.bundle);
  fs.writeFileSync(`${files.inputs}.${process.pid}`, JSON.stringify(inputs));
  fs.renameSync(`${files.inputs}.${process.pid}`, files.inputs);
}

/** `{ analyzeCommand, exitQuietlyOnEpipe, standardOutput }`, from the bundle when it can be had. */
export function loadAnalyze() {
  const files = cacheFiles();
  try {
    if (!fresh(files)) build(files);
    return require(files.bundle);
  } catch {
    // tsx's CommonJS hook: no module loader thread (~38 MB of the 150 MB analyze may use).
    require('tsx/cjs/api').register();
    return {
      analyzeCommand: require('../server/cli/analyze-command.ts').analyzeCommand,
      exitQuietlyOnEpipe: require('../server/cli/capture-input.ts').exitQuietlyOnEpipe,
      standardOutput: require('../server/cli/fd-output.ts').standardOutput,
    };
  }
}
