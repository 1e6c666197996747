import { startEmulator } from '../../src/emulator/startEmulator';

/** What the child sends its parent once it listens. */
export interface EmulatorProcessReady {
  url: string;
  accessKey: string;
  secretKey: string;
}

/**
 * An emulator in a process of its own (started with child_process.fork, argument: the cluster count), for
 * measurements that count this process's CPU time: the emulator's work must not be in it. Stops when the
 * parent disconnects.
 */
async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0, clusters: Number(process.argv[2] ?? 50) });
  const ready: EmulatorProcessReady = { url: emulator.url, accessKey: emulator.accessKey, secretKey: emulator.secretKey };
  process.send?.(ready);
  process.once('disconnect', () => void emulator.close().then(() => process.exit(0)));
}

if (require.main === module) void main();
