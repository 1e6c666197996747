import type { ResourceGroup, ResourceKind } from './webviewMessages';

/**
 * Reads the detail response's resource_request_text / resource_limit_text. SCP does not document their format,
 * so this accepts the shapes seen or plausible and says "unreadable" (undefined) otherwise, in which case the
 * panel shows the text as it came:
 *   "analytics: cpu 4, gpu 1, memory 16Gi; application: cpu 2, memory 8Gi"   (the emulator's)
 *   "analytics(cpu=4, memory=16Gi) | application(cpu=500m, memory=512Mi)"
 *   {"analytics": {"cpu": "4", "memory": "16Gi"}, "application_resource": {...}}
 * CPU is in cores ("500m" = 0.5), memory in GiB (Kubernetes suffixes), GPUs in cards.
 */
export type ResourceAmounts = Partial<Record<ResourceGroup, Partial<Record<ResourceKind, number>>>>;

const GROUP_ALIASES: Record<string, ResourceGroup> = {
  analytics: 'analytics',
  analytics_resource: 'analytics',
  application: 'application',
  application_resource: 'application',
  app: 'application',
  copilot: 'copilot',
  copilot_resource: 'copilot',
};

const KIND_ALIASES: Record<string, ResourceKind> = { cpu: 'cpu', cpus: 'cpu', vcpu: 'cpu', gpu: 'gpu', gpus: 'gpu', memory: 'memory', mem: 'memory' };

const GIB = 2 ** 30;
/** Bytes per memory suffix (Kubernetes: binary Ki/Mi/Gi/Ti, decimal k/M/G/T; GB/MB read as G/M). */
const MEMORY_UNITS: Record<string, number> = {
  ki: 2 ** 10,
  mi: 2 ** 20,
  gi: GIB,
  ti: 2 ** 40,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
};

export function parseResourceText(text: string | undefined): ResourceAmounts | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const amounts = trimmed.startsWith('{') ? fromJson(trimmed) : fromText(trimmed);
  return amounts && hasAny(amounts) ? amounts : undefined;
}

/** One amount with its unit, in the panel's units; undefined when it is not a readable quantity of that kind. */
export function parseQuantity(kind: ResourceKind, raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(raw);
  if (!match) return undefined;
  const amount = Number(match[1]);
  // A number too large to be one (400 digits reads as Infinity) is not an amount: the text is shown as it came.
  if (!Number.isFinite(amount)) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  if (unit === '') return amount;
  switch (kind) {
    case 'cpu':
      if (unit === 'm') return amount / 1000;
      return ['core', 'cores', 'vcpu', 'vcpus'].includes(unit) ? amount : undefined;
    case 'gpu':
      return ['gpu', 'gpus', 'card', 'cards'].includes(unit) ? amount : undefined;
    case 'memory': {
      const bytes = MEMORY_UNITS[unit];
      const gib = bytes === undefined ? undefined : roundTo((amount * bytes) / GIB, 3);
      return gib !== undefined && Number.isFinite(gib) ? gib : undefined;
    }
  }
}

function fromText(text: string): ResourceAmounts | undefined {
  const amounts: ResourceAmounts = {};
  for (const part of text.split(/[;|\n]+/)) {
    const match = /^\s*([a-z_ -]+?)\s*[:=(]\s*(.*?)\s*\)?\s*$/i.exec(part);
    if (!match) continue;
    const group = GROUP_ALIASES[normalizeName(match[1] ?? '')];
    if (!group) continue;
    for (const item of (match[2] ?? '').split(',')) {
      const pair = /^\s*([a-z]+)\s*[:= ]\s*(\S+)\s*$/i.exec(item);
      if (!pair) continue;
      const kind = KIND_ALIASES[(pair[1] ?? '').toLowerCase()];
      const value = kind ? parseQuantity(kind, pair[2] ?? '') : undefined;
      if (kind && value !== undefined) (amounts[group] ??= {})[kind] = value;
    }
  }
  return amounts;
}

function fromJson(text: string): ResourceAmounts | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const amounts: ResourceAmounts = {};
  for (const [name, values] of Object.entries(parsed)) {
    const group = GROUP_ALIASES[normalizeName(name)];
    if (!group || typeof values !== 'object' || values === null) continue;
    for (const [kindName, raw] of Object.entries(values as Record<string, unknown>)) {
      const kind = KIND_ALIASES[kindName.toLowerCase()];
      if (!kind || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
      const value = parseQuantity(kind, raw);
      if (value !== undefined) (amounts[group] ??= {})[kind] = value;
    }
  }
  return amounts;
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function hasAny(amounts: ResourceAmounts): boolean {
  return Object.values(amounts).some((group) => group !== undefined && Object.keys(group).length > 0);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
