import type { CommandTarget } from '../../model/commandTargets';
import { ClusterNode } from './clusterNode';
import { ImagesGroupNode } from './imagesGroupNode';

/** The branch a refresh argument belongs to: a target, a node, or an ancestor of the node. */
export function branchOf(arg: unknown): { kind: 'cluster'; clusterId: string } | { kind: 'images' } | { kind: 'all' } {
  let node: unknown = arg;
  while (node !== undefined && node !== null) {
    if (node instanceof ClusterNode) return { kind: 'cluster', clusterId: node.cluster.id };
    if (node instanceof ImagesGroupNode) return { kind: 'images' };
    if (isCommandTarget(node)) return { kind: 'cluster', clusterId: node.clusterId };
    node = (node as { parent?: unknown }).parent;
  }
  return { kind: 'all' };
}

function isCommandTarget(value: unknown): value is CommandTarget {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === 'cluster' || kind === 'instance') && typeof (value as { clusterId?: unknown }).clusterId === 'string';
}
