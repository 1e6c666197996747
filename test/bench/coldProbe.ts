import * as vscode from 'vscode';
import { SCP_RUNTIME_LOAD_MEASURE } from '../../src/connection/loadScpRuntime';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { extensionTestApi, now } from './hostBenchContext';
import { reportToRunner } from './hostReport';
import { median } from './statistics';

const ROUND_TRIPS = 5;

/** The require of dist/scpRuntime.js in this extension host so far, as loadScpRuntime() measured it. */
export function runtimeLoadMs(): number | undefined {
  return performance.getEntriesByName(SCP_RUNTIME_LOAD_MEASURE)[0]?.duration;
}

/**
 * What a cold start probe checks first: a fresh host whose extension has made no request and not loaded the
 * runtime (else the view was restored as visible, or something else ran first, and the figure would not be cold).
 */
export async function coldApi(): Promise<ExtensionTestApi> {
  const api = await extensionTestApi();
  if (api.connection.requestCount > 0 || runtimeLoadMs() !== undefined) {
    throw new Error('This host is not cold: the extension already made requests or loaded its runtime before the probe ran.');
  }
  if (!api.connection.activeProfile()) throw new Error('No saved profile is active in this host.');
  return api;
}

/** One list round trip on the active session (median of a few, over the connection the cold path opened). */
export async function listRoundTrip(api: ExtensionTestApi): Promise<number> {
  const session = await api.connection.session();
  const size = vscode.workspace.getConfiguration('scpCloudMl').get<number>('pageSize', 50);
  const samples: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const started = now();
    await session.ske.listClusters({ page: 0, size });
    samples.push(now() - started);
  }
  return median(samples);
}

/** Runs a cold probe body and hands an error to the runner as a report. */
export async function runProbe(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    reportToRunner({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
