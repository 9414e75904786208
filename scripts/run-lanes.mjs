#!/usr/bin/env node
// Runs npm scripts in parallel lanes; within a lane, one after another (joined by "+"), stopping at
// the first failure. Used by `npm test` to overlap the type check (one busy core, tsc) with the
// builds and checks (mostly waiting on other processes), on CI's 2 cores. Each lane's output is
// printed in one piece when the lane ends, so the log reads as if the lanes had run in turn.
// Exits non-zero when any lane failed.
//
//   node scripts/run-lanes.mjs typecheck check:safety+check:zips+build:console
import { spawn } from 'node:child_process';

const lanes = process.argv.slice(2).map((lane) => lane.split('+').filter(Boolean));
if (lanes.length === 0 || lanes.some((lane) => lane.length === 0)) {
  console.error('usage: run-lanes.mjs <script>[+<script>...] ...');
  process.exit(2);
}

function runScript(name) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error}` }));
  });
}

async function runLane(scripts) {
  for (const name of scripts) {
    const { ok, output } = await runScript(name);
    process.stdout.write(output);
    if (!ok) {
      console.error(`run-lanes: "npm run ${name}" failed; the rest of its lane (${scripts.join(' + ')}) did not run.`);
      return false;
    }
  }
  return true;
}

const results = await Promise.all(lanes.map(runLane));
process.exit(results.every(Boolean) ? 0 : 1);
