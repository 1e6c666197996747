import type { Tag } from '../../wizard/validation';

/**
 * What the create form collects, step by step. Kept free of `vscode` so the request building and the
 * resource checks are unit-tested in plain Node. Undefined = not answered yet.
 */

export type EndpointType = 'PRIVATE' | 'PUBLIC';
export const ENDPOINT_TYPES: readonly EndpointType[] = ['PRIVATE', 'PUBLIC'];

export interface ChosenCluster {
  id: string;
  name: string;
}

export interface ChosenImage {
  id: string;
  name: string;
  displayVersion?: string;
  k8sVersion?: string;
  copilotEnabled: boolean;
}

/** Cores, cards and GiB as the user typed them; gpu is sent as a string (the API types it so). */
export interface GpuResources {
  cpu?: number;
  gpu?: number;
  memory?: number;
}

export interface CpuMemoryResources {
  cpu?: number;
  memory?: number;
}

/** The container registry the instance pulls from: its own key pair, not the SCP access key. */
export interface RegistryAccess {
  host?: string;
  accessKey?: string;
  secretKey?: string;
  projectId?: string;
  region?: string;
}

export interface CreateCloudMlContext {
  cluster?: ChosenCluster;
  /** Started from a cluster node / ClusterTarget: the cluster step is skipped. */
  clusterPreset: boolean;
  name?: string;
  domainName?: string;
  image?: ChosenImage;
  endpointType?: EndpointType;
  analytics: GpuResources;
  application: CpuMemoryResources;
  /** Asked only when the image supports copilot. */
  useCopilot?: boolean;
  copilot: GpuResources;
  registry: RegistryAccess;
  description?: string;
  tags: Tag[];
}

export function newCreateContext(presetCluster?: ChosenCluster): CreateCloudMlContext {
  return {
    ...(presetCluster ? { cluster: presetCluster } : {}),
    clusterPreset: presetCluster !== undefined,
    analytics: {},
    application: {},
    copilot: {},
    registry: {},
    tags: [],
  };
}

/** Copilot is requested only when the chosen image supports it and the user said yes. */
export function copilotRequested(ctx: CreateCloudMlContext): boolean {
  return ctx.image?.copilotEnabled === true && ctx.useCopilot === true;
}

/**
 * Resource answers belong to one cluster's estimate: when the cluster changes they are dropped, so the new
 * cluster's defaults apply instead of values that may exceed what it can give.
 */
export function chooseCluster(ctx: CreateCloudMlContext, cluster: ChosenCluster): void {
  // Answers given before any cluster (copied from an instance) are kept: the check before sending holds them
  // against the chosen cluster's estimate.
  if (ctx.cluster !== undefined && ctx.cluster.id !== cluster.id) {
    ctx.analytics = {};
    ctx.application = {};
    ctx.copilot = {};
  }
  ctx.cluster = cluster;
}
