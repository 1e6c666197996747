import { estimateAmount, RESOURCE_FIELDS, type ResourceField, type ResourceKind } from '../../model/estimateAmounts';
import type { NumberRange } from '../../wizard/validation';
import { copilotRequested, type CreateCloudMlContext } from './createCloudMlContext';

/**
 * Defaults and upper bounds of the resource answers, taken from the cluster's estimate (what the cluster can
 * give to Cloud ML; read as src/model/estimateAmounts.ts says: an unreadable value means the server decides).
 */

/** The smallest sensible request per kind (cores, cards, GiB); GPUs are whole cards and may be none. */
const MINIMUM: Record<ResourceKind, NumberRange> = {
  cpu: { min: 0.5 },
  gpu: { min: 0, integer: true },
  memory: { min: 1 },
};

export interface ResourceLimit {
  /** Prefilled when the user has not answered yet: what the estimate offers. */
  defaultValue: number | undefined;
  /** `max` is the estimate's value, when the estimate states one. */
  range: NumberRange;
}

/** Which estimate a field is checked against: copilot resources need the copilot-inclusive estimate. */
export function estimateUsesCopilot(ctx: CreateCloudMlContext, field: ResourceField): boolean {
  return field.group === 'copilot' || copilotRequested(ctx);
}

export function resourceLimit(estimate: unknown, field: ResourceField): ResourceLimit {
  const amount = estimateAmount(estimate, field);
  const minimum = MINIMUM[field.kind];
  const range: NumberRange = amount === undefined ? { ...minimum } : { ...minimum, max: amount };
  const fits = amount !== undefined && amount >= (minimum.min ?? 0) && (!minimum.integer || Number.isInteger(amount));
  // No GPU in the estimate means none requested, not "ask without a default".
  const fallback = field.kind === 'gpu' ? 0 : undefined;
  return { defaultValue: fits ? amount : fallback, range };
}

/** Whether the form asks this field: copilot resources only when copilot is requested. */
export function resourceApplies(ctx: CreateCloudMlContext, field: ResourceField): boolean {
  return field.group !== 'copilot' || copilotRequested(ctx);
}

export function resourceValue(ctx: CreateCloudMlContext, field: ResourceField): number | undefined {
  const group: Partial<Record<ResourceKind, number>> = ctx[field.group];
  return group[field.kind];
}

export function setResourceValue(ctx: CreateCloudMlContext, field: ResourceField, value: number | undefined): void {
  const group: Partial<Record<ResourceKind, number>> = ctx[field.group];
  group[field.kind] = value;
}

/** Reads the estimate for a field (`useCopilot` as the estimate call takes it). */
export type EstimateLookup = (useCopilot: boolean) => unknown;

/** Fills every applicable, unanswered resource with the estimate's default (e.g. after the cluster changed). */
export function fillResourceDefaults(ctx: CreateCloudMlContext, estimateOf: EstimateLookup): void {
  for (const field of RESOURCE_FIELDS) {
    if (!resourceApplies(ctx, field) || resourceValue(ctx, field) !== undefined) continue;
    setResourceValue(ctx, field, resourceLimit(estimateOf(estimateUsesCopilot(ctx, field)), field).defaultValue);
  }
}

export type ResourceProblem =
  | { field: ResourceField; kind: 'missing' }
  | { field: ResourceField; kind: 'aboveEstimate'; value: number; max: number }
  | { field: ResourceField; kind: 'belowMinimum'; value: number; min: number };

/**
 * The resource answers that the estimate refuses, checked again right before the request is sent: an edit of
 * the cluster or of copilot after the resources were typed changes which estimate applies.
 */
export function resourceProblems(ctx: CreateCloudMlContext, estimateOf: EstimateLookup): ResourceProblem[] {
  const problems: ResourceProblem[] = [];
  for (const field of RESOURCE_FIELDS) {
    if (!resourceApplies(ctx, field)) continue;
    const value = resourceValue(ctx, field);
    if (value === undefined) {
      problems.push({ field, kind: 'missing' });
      continue;
    }
    const { range } = resourceLimit(estimateOf(estimateUsesCopilot(ctx, field)), field);
    if (range.max !== undefined && value > range.max) problems.push({ field, kind: 'aboveEstimate', value, max: range.max });
    else if (range.min !== undefined && value < range.min) problems.push({ field, kind: 'belowMinimum', value, min: range.min });
  }
  return problems;
}
