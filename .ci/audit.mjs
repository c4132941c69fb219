// `npm audit --omit=dev` when the registry answers audit requests: fails on a high or critical
// advisory in a runtime dependency; says so in one line and passes when the registry cannot answer.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  timeout: 120_000,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.log(
    `npm audit: no answer from the registry (${run.error?.message ?? 'no JSON'}); skipped.`,
  );
  process.exit(0);
}
if (report.error || report.statusCode) {
  const why = report.message ?? report.error?.summary ?? 'error';
  console.log(`npm audit: the registry does not answer audit requests (${why}); skipped.`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
const line = ['info', 'low', 'moderate', 'high', 'critical']
  .map((k) => `${counts[k] ?? 0} ${k}`)
  .join(', ');
console.log(`npm audit --omit=dev: ${line}.`);
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
    if (v.severity === 'high' || v.severity === 'critical')
      console.log(`  ${name}: ${v.severity} (${v.range})`);
  process.exit(1);
}
