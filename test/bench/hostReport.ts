import type { BenchMetric } from './benchMetric';

/**
 * How code running inside the extension host hands results to the bench runner: one console line per report,
 * prefixed, with JSON after it. The workbench forwards extension-host console output to the runner
 * (codeAutomationLog), so no file or socket is needed.
 */
export const HOST_REPORT_PREFIX = '[scp-bench] ';

export type HostReport =
  | {
      kind: 'activation';
      /** activate()'s own wall time, as the extension measured it. */
      activationMs: number;
      /** HTTP requests made through SCP sessions when activate() had returned. */
      requestsAtActivation: number;
      /** The same, after the idle wait that follows. */
      requestsAfterIdle: number;
      profileActive: boolean;
    }
  | {
      kind: 'cold';
      /** `view`: the view shown → first page; `form`: Create Cloud ML → its first step (shown, then with items). */
      what: 'view' | 'form';
      /** From the view's first root request to the first cluster page (view), or from the command to the first step's items (form). */
      elapsedMs: number;
      /** From the command to the view's first root request (view), or to the first step being shown, busy until its items come (form). */
      shownMs?: number;
      /** The median of list round trips made on the session right after, at the same latency. */
      roundTripMs: number;
      /** The require of dist/scpRuntime.js in this host, as loadScpRuntime() measured it. */
      runtimeLoadMs?: number;
    }
  | { kind: 'metric'; metric: BenchMetric }
  | { kind: 'error'; message: string };

export function reportToRunner(report: HostReport): void {
  console.log(`${HOST_REPORT_PREFIX}${JSON.stringify(report)}`);
}

/** The report in a forwarded console line, or undefined for any other line. */
export function parseHostReport(line: string): HostReport | undefined {
  const start = line.indexOf(HOST_REPORT_PREFIX);
  if (start < 0) return undefined;
  try {
    return JSON.parse(line.slice(start + HOST_REPORT_PREFIX.length)) as HostReport;
  } catch {
    return undefined;
  }
}

/** An emulator the runner started, as the extension host needs it (loopback URL, its test-only keys, its admin token). */
export interface BenchEmulator {
  url: string;
  accessKey: string;
  secretKey: string;
  /** For the admin API (X-Emulator-Token), as the CLI prints it. */
  adminToken: string;
}

/** What the runner passes to the in-host suite, in the SCP_BENCH_CONFIG environment variable. */
export interface HostBenchConfig {
  emulators: {
    /** 2,000 clusters: memory. */
    memory: BenchEmulator;
    /** 200 clusters: refresh → first page. */
    tree: BenchEmulator;
    /** 200 clusters: findInstance. */
    find: BenchEmulator;
    /** 20 generated clusters (six DEPLOYED instances): polling. */
    poll: BenchEmulator;
    /** The default seed, no latency: the profile left active for the activation starts (then 100 ms for the cold starts). */
    idle: BenchEmulator;
    /** 10,000 clusters: memory, first page and findInstance at scale. */
    scale: BenchEmulator;
  };
}

export const HOST_BENCH_CONFIG_VARIABLE = 'SCP_BENCH_CONFIG';

/** The account size of the scale rows (memory, first page, findInstance at 10,000 clusters). */
export const SCALE_CLUSTERS = 10_000;
