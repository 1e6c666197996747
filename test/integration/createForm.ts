import type { ClusterRecord, ImageRecord } from '../../src/emulator/emulatorState';
import type { ScriptedAnswer } from '../support/scriptedUserInput';

export const CREATE = '$(check) Create';
export const TAGS_DONE = '$(check) Done';

/** The answers of a create form started from a cluster node, with a plain image and resources within the estimate. */
export function createFormAnswers(
  cluster: ClusterRecord,
  image: ImageRecord,
  name: string,
  description: string,
  registry: { accessKey: string; secretKey: string } = { accessKey: 'REGACCESS01', secretKey: 'reg-secret-Qp27-never-in-logs' },
): ScriptedAnswer[] {
  const e = cluster.estimate;
  const half = (n: number): string => String(Math.max(1, Math.floor(n / 2)));
  return [
    name,
    `${name}.example.com`,
    `${image.image_name} ${image.display_version}`,
    'PRIVATE',
    half(e.analytics.cpu),
    String(e.analytics.gpu),
    half(e.analytics.memory),
    half(e.application.cpu),
    half(e.application.memory),
    'registry.example.com',
    registry.accessKey,
    registry.secretKey,
    '',
    '',
    description,
    TAGS_DONE,
  ];
}
