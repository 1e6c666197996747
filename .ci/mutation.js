#!/usr/bin/env node
// `npm run test:mutation`: builds the unit bundles (so Stryker sees the current test sources and re-runs the mutants
// whose tests changed), runs StrykerJS (stryker.config.mjs; extra arguments are passed on, e.g. --mutate or
// --force), then prints the mutation score per folder from the JSON report and fails when a folder is below its bar.
// `node .ci/mutation.js --report-only` prints the table of the last run without running anything.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPORT = 'reports/mutation/mutation.json';
/** Folders held to a higher bar than the overall `thresholds.break` in stryker.config.json. */
const FOLDER_BARS = { 'src/scp': 90 };
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

function folderOf(file) {
  const parts = path.normalize(file).split(path.sep);
  return parts.slice(0, Math.min(2, parts.length - 1)).join('/');
}

/** Prints killed+timeout / (killed+timeout+survived+no coverage) per folder; returns the folders below their bar. */
function printScores(overallBar) {
  if (!fs.existsSync(REPORT)) {
    console.error(`No ${REPORT}: did Stryker run?`);
    return ['(no report)'];
  }
  const report = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
  const rows = new Map();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const row = rows.get(folderOf(file)) ?? { detected: 0, counted: 0, survived: 0, noCoverage: 0, ignored: 0, static: 0 };
    for (const m of mutants) {
      if (DETECTED.has(m.status)) row.detected++;
      if (COUNTED.has(m.status)) row.counted++;
      if (m.status === 'Survived') row.survived++;
      if (m.status === 'NoCoverage') row.noCoverage++;
      if (m.status === 'Ignored' && /static/i.test(m.statusReason ?? '')) row.static++;
      else if (m.status === 'Ignored') row.ignored++;
    }
    rows.set(folderOf(file), row);
  }
  const total = { detected: 0, counted: 0, survived: 0, noCoverage: 0, ignored: 0, static: 0 };
  const below = [];
  const line = (name, r, bar) => {
    const score = r.counted === 0 ? 100 : (100 * r.detected) / r.counted;
    if (bar !== undefined && score < bar) below.push(`${name} ${score.toFixed(2)} < ${bar}`);
    const cells = [score.toFixed(2), r.detected, r.survived, r.noCoverage, r.ignored, r.static].map((cell) => String(cell).padStart(11));
    if (bar !== undefined) cells.push(`  (bar ${bar})`);
    console.log(`${name.padEnd(18)}${cells.join('')}`);
  };
  const heads = ['score %', 'detected', 'survived', 'no cov', 'equivalent', 'static'].map((head) => head.padStart(11));
  console.log(`\n${'folder'.padEnd(18)}${heads.join('')}`);
  for (const [name, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    line(name, r, FOLDER_BARS[name]);
    for (const key of Object.keys(total)) total[key] += r[key];
  }
  line('all', total, overallBar);
  return below;
}

async function main() {
  // The overall bar is Stryker's own `thresholds.break`.
  const { default: config } = await import('../stryker.config.mjs');
  const args = process.argv.slice(2);
  let status = 0;
  if (!args.includes('--report-only')) {
    status = run(process.execPath, ['esbuild.js', '--tests']);
    const stryker = path.join('node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
    if (status === 0) status = run(process.execPath, [stryker, 'run', ...args]);
  }
  const below = printScores(config.thresholds.break);
  if (below.length > 0) {
    console.error(`Mutation score below the bar: ${below.join('; ')}`);
    status = status || 1;
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
