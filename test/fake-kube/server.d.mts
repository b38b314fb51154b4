// Types for server.mjs, so TypeScript tests can import the simulator.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
  [key: string]: unknown;
}

/** Any stored object. The typed shapes below describe the fields tests usually read. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

export interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
  [key: string]: unknown;
}

export interface PodTemplateSpec {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown };
  spec: { containers: Container[]; [key: string]: unknown };
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface Deployment extends KubeObject {
  spec: {
    replicas?: number;
    paused?: boolean;
    selector: LabelSelector;
    template: PodTemplateSpec;
    progressDeadlineSeconds?: number;
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: Condition[];
  };
}

export interface ReplicaSet extends KubeObject {
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec; minReadySeconds?: number };
  status?: { replicas: number; readyReplicas?: number; availableReplicas?: number; observedGeneration?: number };
}

export interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: { exitCode: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string };
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
  containerID?: string;
}

export interface Pod extends KubeObject {
  spec: { containers: Container[]; nodeName?: string; [key: string]: unknown };
  status?: { phase: string; conditions?: Condition[]; containerStatuses?: ContainerStatus[]; podIP?: string; [key: string]: unknown };
}

export type ImageBehavior =
  | 'ready'
  | 'slow'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'CrashLoopBackOff'
  | 'CreateContainerConfigError'
  | 'InvalidImageName'
  | 'RunContainerError';

export type ImageSpec = { behavior: ImageBehavior; readyAfterMs?: number; message?: string };

export type FaultSpec = {
  /** HTTP method to match; omitted or `*` matches any. */
  method?: string;
  /** Regular expression tested against the URL path (no query). */
  path: string;
  /** Answer with this status and a metav1.Status body; omit to only add latency. */
  status?: number;
  /** How many matching requests to affect (default 1; -1 = all). */
  count?: number;
  latencyMs?: number;
  message?: string;
  reason?: string;
  retryAfterSeconds?: number;
  /**
   * Drop the connection with no answer: `before` the request is handled (nothing applied), or
   * `after` it (a write applied, its answer lost). kubectl reports a bare `: EOF`.
   */
  drop?: 'before' | 'after';
  /** Never answer (a stalled request): the client times out, or the connection closes at stop. */
  hold?: boolean;
  /** Let this many matching requests through before the fault applies. */
  skip?: number;
};

export type RequestLogEntry = {
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  contentType: string;
  status?: number;
  /** ISO 8601 time the request arrived. */
  time: string;
  /** Body of a non-GET request (protobuf bodies as `base64:...`). */
  body?: string;
  userAgent?: string;
};

export type ProxyAnswer = { path: string; status?: number; contentType?: string; body?: string };

export type FakeKubeState = {
  readonly requests: RequestLogEntry[];
  reset(): void;
  addObjects(objects: KubeObject[]): { apiVersion: string; kind: string; namespace?: string; name: string; uid: string }[];
  setImages(images: Record<string, ImageSpec>): void;
  addFaults(faults: FaultSpec | FaultSpec[]): void;
  clearFaults(): void;
  setProxy(answer: ProxyAnswer): void;
  /** Run every control loop once, now. */
  tick(): void;
  /** A copy of a stored object by plural resource (`deployments`), namespace and name. */
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined;
  /** Copies of the stored objects of a plural resource, optionally in one namespace. */
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[];
  /** The simulated cluster itself (store, controllers); untyped on purpose. */
  cluster: unknown;
};

export type FakeKube = {
  url: string;
  port: number;
  /** Writes a kubeconfig (mode 0600) pointing at the server; returns `path`. */
  writeKubeconfig(path: string, options?: { namespace?: string; context?: string }): string;
  /** Closes the server and every open connection, watches included. */
  stop(): Promise<void>;
  state: FakeKubeState;
};

export function startFakeKube(options?: { port?: number; timeScale?: number; tickMs?: number }): Promise<FakeKube>;
