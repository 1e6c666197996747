import { RESOURCE_FIELDS } from '../../model/estimateAmounts';
import type { CloudMlDetail, CloudMlImage } from '../../scp/cloudMlSchemas';
import { parseResourceText } from '../../webview/resourceText';
import type { Tag } from '../../wizard/validation';
import { setResourceValue } from './resourceBounds';
import { ENDPOINT_TYPES, newCreateContext, type CreateCloudMlContext, type EndpointType } from './createCloudMlContext';

/** Where a copied answer came from: the instance's details, or its resource request text. */
export type CopySource = 'details' | 'request';

export interface LikeThisStart {
  ctx: CreateCloudMlContext;
  /** Create-form step ids answered from the source, and from where. */
  copied: ReadonlyMap<string, CopySource>;
}

/**
 * The create form's answers copied from an existing instance: image, endpoint type, registry host and access key,
 * description, tags (when the details carry them), copilot, and the resources its request text states. Never the
 * name, the domain or the cluster (they must differ) and never the registry secret (SCP does not give it back, and
 * a secret is not copied). No vscode here, so it is unit-tested.
 */
export function likeThisStart(source: CloudMlDetail, images: readonly CloudMlImage[]): LikeThisStart {
  const ctx = newCreateContext();
  const copied = new Map<string, CopySource>();

  const image = images.find((i) => i.image_id === source.image_id);
  if (image) {
    ctx.image = {
      id: image.image_id,
      name: image.image_name ?? image.image_id,
      displayVersion: image.display_version,
      k8sVersion: image.k8s_version,
      copilotEnabled: image.copilot_enabled,
    };
    copied.set('image', 'details');
  }
  const endpointType = ENDPOINT_TYPES.find((type: EndpointType) => type === source.endpoint_type?.toUpperCase());
  if (endpointType) {
    ctx.endpointType = endpointType;
    copied.set('endpointType', 'details');
  }
  if (source.custom_registry_host) {
    ctx.registry.host = source.custom_registry_host;
    copied.set('registry.host', 'details');
  }
  if (source.custom_registry_access_key) {
    ctx.registry.accessKey = source.custom_registry_access_key;
    copied.set('registry.accessKey', 'details');
  }
  if (source.description !== undefined) {
    ctx.description = source.description;
    copied.set('description', 'details');
  }
  const tags = tagsOf(source);
  if (tags) {
    ctx.tags = tags;
    copied.set('tags', 'details');
  }
  if (source.copilot_enabled !== undefined && ctx.image?.copilotEnabled) {
    ctx.useCopilot = source.copilot_enabled;
    copied.set('useCopilot', 'details');
  }

  const requested = parseResourceText(source.resource_request_text);
  for (const field of RESOURCE_FIELDS) {
    const amount = requested?.[field.group]?.[field.kind];
    if (amount === undefined) continue;
    setResourceValue(ctx, field, amount);
    copied.set(`${field.group}.${field.kind}`, 'request');
  }
  // The request text leaves GPUs out when there are none; a stated analytics block then means 0 GPUs.
  if (requested?.analytics && ctx.analytics.gpu === undefined && copied.has('analytics.cpu')) {
    ctx.analytics.gpu = 0;
    copied.set('analytics.gpu', 'request');
  }
  return { ctx, copied };
}

/** `tags` is not a documented field of the details; when SCP sends it as key/value pairs, it is copied. */
function tagsOf(source: CloudMlDetail): Tag[] | undefined {
  const raw = (source as Record<string, unknown>).tags;
  if (!Array.isArray(raw)) return undefined;
  const tags: Tag[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { key, value } = item as { key?: unknown; value?: unknown };
    if (typeof key !== 'string' || key === '' || (value !== undefined && typeof value !== 'string')) return undefined;
    tags.push({ key, value: value ?? '' });
  }
  return tags;
}
