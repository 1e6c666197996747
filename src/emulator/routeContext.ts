import type { ApiResponse } from './apiResponse';
import type { ApiProduct } from './apiVersion';
import type { EmulatorStore } from './emulatorStore';

/** What an API handler gets: the parsed request and the emulator's state. */
export interface RouteContext {
  store: EmulatorStore;
  /** Path parameters by name, e.g. { id: '...' }. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The raw request body ('' when none); handlers that take a body parse it. */
  bodyText: string;
  requestId: string;
  /** How long the next transition takes (admin setDeploySeconds changes it at run time). */
  deploySeconds: number;
  /** Show answers 404 for instances younger than this (admin hideNewInstances; 0 = off). */
  hideNewInstancesSeconds: number;
}

export interface Route {
  method: string;
  /** Path with `{name}` segments, e.g. "/v1/cloud-ml/clusters/{id}/estimate". */
  pattern: string;
  product: ApiProduct;
  handle(context: RouteContext): ApiResponse;
}
