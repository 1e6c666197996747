import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newAdminToken } from './adminToken';
import type { EmulatorAdmin, EmulatorSettings } from './emulatorAdmin';
import { createEmulatorAdmin } from './emulatorAdmin';
import type { EmulatorState } from './emulatorState';
import { EmulatorStore } from './emulatorStore';
import { FaultQueue } from './faultQueue';
import { isLoopbackHost } from './loopbackHost';
import { RequestCounters } from './requestCounters';
import { RequestHeaderLog } from './requestHeaderLog';
import { createRequestListener } from './requestPipeline';
import { seedState } from './seedData';
import { readStateFile, writeStateFile } from './stateFile';

export interface EmulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Loopback only: '127.0.0.1' (default), another 127.x address, '::1' or 'localhost'. */
  host?: string;
  /** Random when absent. */
  accessKey?: string;
  /** Random when absent. */
  secretKey?: string;
  /** Generate this many `cluster-NNN` clusters instead of the six realistic ones (see seedData.ts). */
  clusters?: number;
  /** Seed of the generated data (see seedData.ts); the same seed gives the same data. */
  seed?: number;
  /** How long CREATING / UPDATING / DELETING last (default 8; fractions allowed). */
  deploySeconds?: number;
  /** A fixed delay before every API answer. */
  latencyMs?: number;
  /** Persist the state here (atomically) and start from it when it exists. */
  stateFile?: string;
  /** Every /v1/cloud-ml path answers the gateway 404, as for an account without Cloud ML. */
  cloudMlDisabled?: boolean;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  accessKey: string;
  secretKey: string;
  /** In-process control (no token needed: only code in this process holds the object). */
  admin: EmulatorAdmin;
  /** Random per start: HTTP admin calls (/_emulator/...) carry it in the X-Emulator-Token header. */
  adminToken: string;
  /** Stops listening, ends every open (also hanging) connection, and resolves once the server is closed. */
  close(): Promise<void>;
}

export const DEFAULT_DEPLOY_SECONDS = 8;

/** Starts the SCP emulator on a loopback port. Rejects with an Error (one sentence) on bad options. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  validateOptions(options, host);
  const credentials = {
    accessKey: options.accessKey ?? `EMU${randomBytes(9).toString('hex').toUpperCase()}`,
    secretKey: options.secretKey ?? randomBytes(30).toString('base64'),
  };
  const seed = (): EmulatorState => seedState({ ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.clusters !== undefined ? { clusters: options.clusters } : {}) });
  const stateFile = options.stateFile;
  const initial = (stateFile ? readStateFile(stateFile) : undefined) ?? seed();
  const store = new EmulatorStore(initial, stateFile ? (state) => writeStateFile(stateFile, state) : undefined);
  if (stateFile) store.commit();

  const settings: EmulatorSettings = {
    latency: { fixedMs: options.latencyMs ?? 0, randomMs: 0 },
    cloudMlDisabled: options.cloudMlDisabled ?? false,
    deploySeconds: options.deploySeconds ?? DEFAULT_DEPLOY_SECONDS,
    hideNewInstancesSeconds: 0,
  };
  const faults = new FaultQueue();
  const counters = new RequestCounters();
  const headers = new RequestHeaderLog();
  const admin = createEmulatorAdmin({ store, faults, counters, headers, settings, seed });
  const adminToken = newAdminToken();
  const closing = new AbortController();
  // Every delayed request listens for close(); many at once is normal here, not a leak.
  setMaxListeners(0, closing.signal);

  const server = createServer(createRequestListener({ store, faults, counters, headers, settings, credentials, admin, adminToken, closing: closing.signal }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    admin,
    adminToken,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function validateOptions(options: EmulatorOptions, host: string): void {
  if (!isLoopbackHost(host)) throw new Error(`The emulator listens on loopback addresses only, not ${host}; use 127.0.0.1.`);
  const wholeNumber = (value: number | undefined, name: string, min: number, max: number): void => {
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      throw new Error(`The emulator option ${name} must be a whole number from ${min} to ${max}.`);
    }
  };
  wholeNumber(options.port, 'port', 0, 65535);
  wholeNumber(options.clusters, 'clusters', 0, 100_000);
  wholeNumber(options.seed, 'seed', -2_147_483_648, 4_294_967_295);
  for (const [name, value] of [['deploySeconds', options.deploySeconds], ['latencyMs', options.latencyMs]] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new Error(`The emulator option ${name} must be a number of 0 or more.`);
  }
  for (const [name, value] of [['accessKey', options.accessKey], ['secretKey', options.secretKey]] as const) {
    if (value !== undefined && value.trim() === '') throw new Error(`The emulator option ${name} must not be empty.`);
  }
}
