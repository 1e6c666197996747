import { beginTransition, DEPLOYED, isTransitional } from './instanceLifecycle';
import { newInstanceRecord } from './cloudMlInstanceFactory';
import type { CloudMlCreateRequest } from './cloudMlRequestSchemas';
import type { ClusterEstimate, ClusterRecord, EmulatorState, ImageRecord, InstanceRecord } from './emulatorState';
import { STATE_FORMAT_VERSION } from './emulatorState';
import { SeededRandom } from './seededRandom';

/**
 * THE seed data of the emulator, in one place. Everything is derived from `seed` with a deterministic generator,
 * so the same seed gives the same ids, dates and estimates on every machine.
 *
 * Default (no cluster count): six realistic clusters, newest first in the default `created_at:desc` order:
 *
 * | cluster          | status   | Cloud ML on it                                             |
 * |------------------|----------|------------------------------------------------------------|
 * | ml-prod-cluster  | RUNNING  | `ml-prod`, DEPLOYED, copilot image, PUBLIC endpoint        |
 * | ds-sandbox       | RUNNING  | none (the free cluster to create on)                       |
 * | analytics-dev    | RUNNING  | `analytics-dev-ml`, CREATING (for ever, unless the option  |
 * |                  |          | `seededDeploymentSeconds` ends it)                          |
 * | recsys-staging   | RUNNING  | `recsys-ml`, ERROR                                          |
 * | vision-train     | CREATING | none                                                       |
 * | legacy-batch     | ERROR    | none                                                       |
 *
 * Four images, two of them copilot-capable. Every cluster is releasable.
 *
 * With a cluster count N (scale tests): clusters `cluster-001` ... `cluster-NNN`, `cluster-001` the newest.
 * Cluster i is ERROR when i % 20 === 0, CREATING when i % 20 === 10, RUNNING otherwise; a RUNNING cluster
 * has a Cloud ML `ml-NNN` when i % 3 === 1, DEPLOYED except every 7th of those (ERROR). Nothing transitional.
 */

export const DEFAULT_SEED = 20240517;

/** Seed dates are fixed (not "now") so that a given seed always gives the same responses. */
const NEWEST_CLUSTER_DATE = Date.UTC(2025, 2, 3, 9, 30, 0);
const HOUR_MS = 3_600_000;

export interface SeedOptions {
  seed?: number;
  /** Generate this many `cluster-NNN` clusters instead of the six realistic ones. */
  clusters?: number;
  /**
   * The seeded CREATING instance becomes DEPLOYED this many seconds after `nowMs` (absent: CREATING for ever, which
   * tests rely on). The built-in emulator sets it, so a newcomer watches one deployment finish instead of one that
   * never ends.
   */
  seededDeploymentSeconds?: number;
  nowMs?: number;
}

interface ClusterPlan {
  name: string;
  status: string;
  kubernetesVersion: string;
  nodeCount: number;
  instance?: { name: string; state: string; imageIndex: number; endpointType: 'PRIVATE' | 'PUBLIC'; useCopilot: boolean; description: string };
}

const DEFAULT_PLANS: readonly ClusterPlan[] = [
  {
    name: 'ml-prod-cluster',
    status: 'RUNNING',
    kubernetesVersion: 'v1.29.8',
    nodeCount: 6,
    instance: { name: 'ml-prod', state: 'DEPLOYED', imageIndex: 3, endpointType: 'PUBLIC', useCopilot: true, description: 'Production notebooks and model serving' },
  },
  { name: 'ds-sandbox', status: 'RUNNING', kubernetesVersion: 'v1.29.8', nodeCount: 3 },
  {
    name: 'analytics-dev',
    status: 'RUNNING',
    kubernetesVersion: 'v1.28.11',
    nodeCount: 4,
    instance: { name: 'analytics-dev-ml', state: 'CREATING', imageIndex: 1, endpointType: 'PRIVATE', useCopilot: false, description: 'Analytics team development environment' },
  },
  {
    name: 'recsys-staging',
    status: 'RUNNING',
    kubernetesVersion: 'v1.28.11',
    nodeCount: 5,
    instance: { name: 'recsys-ml', state: 'ERROR', imageIndex: 0, endpointType: 'PRIVATE', useCopilot: false, description: 'Recommender experiments (staging)' },
  },
  { name: 'vision-train', status: 'CREATING', kubernetesVersion: 'v1.29.8', nodeCount: 2 },
  { name: 'legacy-batch', status: 'ERROR', kubernetesVersion: 'v1.27.16', nodeCount: 3 },
];

const IMAGE_PLANS: readonly Omit<ImageRecord, 'image_id'>[] = [
  { image_name: 'Cloud ML', display_version: '1.4.2', k8s_version: 'v1.28', copilot_enabled: false },
  { image_name: 'Cloud ML', display_version: '1.5.0', k8s_version: 'v1.28', copilot_enabled: false },
  { image_name: 'Cloud ML with Copilot', display_version: '1.5.0', k8s_version: 'v1.28', copilot_enabled: true },
  { image_name: 'Cloud ML with Copilot', display_version: '1.6.1', k8s_version: 'v1.29', copilot_enabled: true },
];

export function seedState(options: SeedOptions = {}): EmulatorState {
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const accountId = random.hexId();
  const projectId = random.hexId();
  const userId = random.hexId();
  const images: ImageRecord[] = IMAGE_PLANS.map((plan) => ({ image_id: random.hexId(), ...plan }));
  const plans = options.clusters === undefined ? DEFAULT_PLANS : generatedPlans(options.clusters);

  const clusters: ClusterRecord[] = [];
  const instances: InstanceRecord[] = [];
  plans.forEach((plan, index) => {
    const created = NEWEST_CLUSTER_DATE - index * 26 * HOUR_MS - random.int(0, 59) * 60_000;
    const cluster = clusterRecord(plan, random, accountId, userId, created);
    clusters.push(cluster);
    if (plan.instance) {
      const image = images[plan.instance.imageIndex] ?? images[0];
      if (!image) throw new Error('the seed has no images');
      const instance = seedInstance(plan, cluster, image, random, projectId, userId, created + 2 * HOUR_MS);
      if (isTransitional(instance.cloud_ml_state) && options.seededDeploymentSeconds !== undefined) {
        beginTransition(instance, instance.cloud_ml_state, DEPLOYED, options.nowMs ?? Date.now(), options.seededDeploymentSeconds);
      }
      instances.push(instance);
    }
  });
  return { formatVersion: STATE_FORMAT_VERSION, projectId, accountId, userId, clusters, images, instances };
}

function generatedPlans(count: number): ClusterPlan[] {
  const plans: ClusterPlan[] = [];
  let withInstance = 0;
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(3, '0');
    const status = i % 20 === 0 ? 'ERROR' : i % 20 === 10 ? 'CREATING' : 'RUNNING';
    const plan: ClusterPlan = { name: `cluster-${number}`, status, kubernetesVersion: i % 2 === 0 ? 'v1.28.11' : 'v1.29.8', nodeCount: 3 + (i % 4) };
    if (status === 'RUNNING' && i % 3 === 1) {
      withInstance++;
      plan.instance = {
        name: `ml-${number}`,
        state: withInstance % 7 === 0 ? 'ERROR' : 'DEPLOYED',
        imageIndex: i % 2 === 0 ? 1 : 3,
        endpointType: 'PRIVATE',
        useCopilot: false,
        description: `Generated instance ${number}`,
      };
    }
    plans.push(plan);
  }
  return plans;
}

function clusterRecord(plan: ClusterPlan, random: SeededRandom, accountId: string, userId: string, createdMs: number): ClusterRecord {
  const id = random.hexId();
  const short = id.slice(0, 8);
  return {
    id,
    name: plan.name,
    status: plan.status,
    kubernetes_version: plan.kubernetesVersion,
    node_count: plan.nodeCount,
    max_node_count: plan.nodeCount * 2,
    account_id: accountId,
    subnet_id: random.hexId(),
    subnet_name: `${plan.name}-subnet`,
    vpc_id: random.hexId(),
    vpc_name: 'ml-vpc',
    cluster_namespace: `ske-${short}`,
    public_endpoint_url: `https://${short}.ske.kr-west1.e.samsungsdscloud.com:6443`,
    private_endpoint_url: `https://10.${random.int(0, 255)}.${random.int(0, 255)}.10:6443`,
    created_at: new Date(createdMs).toISOString(),
    modified_at: new Date(createdMs + random.int(1, 48) * HOUR_MS).toISOString(),
    created_by: userId,
    modified_by: userId,
    estimate: clusterEstimate(plan.nodeCount, random),
    releaseExceptions: [],
  };
}

/** Roughly half of the cluster for analytics, a quarter for the application (cores, GiB, cards). */
function clusterEstimate(nodeCount: number, random: SeededRandom): ClusterEstimate {
  const coresPerNode = random.pick([8, 16]);
  const analyticsCpu = Math.floor((nodeCount * coresPerNode) / 2);
  const applicationCpu = Math.floor((nodeCount * coresPerNode) / 4);
  const copilotCpu = random.pick([4, 8]);
  return {
    analytics: { cpu: analyticsCpu, gpu: nodeCount >= 4 ? random.pick([2, 4]) : random.pick([0, 1]), memory: analyticsCpu * 4 },
    application: { cpu: applicationCpu, memory: applicationCpu * 4 },
    copilot: { cpu: copilotCpu, gpu: 1, memory: copilotCpu * 4 },
  };
}

function seedInstance(
  plan: ClusterPlan,
  cluster: ClusterRecord,
  image: ImageRecord,
  random: SeededRandom,
  projectId: string,
  userId: string,
  createdMs: number,
): InstanceRecord {
  const spec = plan.instance;
  if (!spec) throw new Error('seedInstance needs a plan with an instance');
  const request: CloudMlCreateRequest = {
    cloud_ml_name: spec.name,
    cluster_id: cluster.id,
    image_id: image.image_id,
    domain_name: `${spec.name}.cloudml.example.com`,
    endpoint_type: spec.endpointType,
    custom_registry_host: 'registry.example.com',
    custom_registry_access_key: `REG${random.hexId().slice(0, 17).toUpperCase()}`,
    // The seed never holds a registry secret: it is only ever sent, never read back.
    custom_registry_access_secret_key: '',
    description: spec.description,
    use_copilot: spec.useCopilot,
    analytics_resource: { cpu: Math.max(1, Math.floor(cluster.estimate.analytics.cpu / 2)), gpu: String(Math.min(1, cluster.estimate.analytics.gpu)), memory: Math.max(1, Math.floor(cluster.estimate.analytics.memory / 2)) },
    application_resource: { cpu: Math.max(1, Math.floor(cluster.estimate.application.cpu / 2)), memory: Math.max(1, Math.floor(cluster.estimate.application.memory / 2)) },
    ...(spec.useCopilot ? { copilot: { ...cluster.estimate.copilot, gpu: String(cluster.estimate.copilot.gpu) } } : {}),
    tags: [{ key: 'team', value: spec.name.split('-')[0] ?? 'ml' }],
  };
  const { custom_registry_access_secret_key: _omitted, ...rawRequest } = request;
  const nowIso = new Date(createdMs).toISOString();
  return newInstanceRecord({
    id: random.hexId(),
    request,
    rawRequest,
    projectId,
    userId,
    requestId: random.hexId(),
    nowIso,
    state: spec.state,
  });
}
