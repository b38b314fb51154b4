/** The parts of Kubernetes objects the deploy action reads (as `kubectl get -o json` prints them). */
export interface Container {
  name: string;
  image: string;
}
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { containers?: Container[]; initContainers?: Container[] };
}
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  creationTimestamp?: string;
  /** Set when the object is being deleted (a pod terminating in its grace period). */
  deletionTimestamp?: string;
  ownerReferences?: Array<{ kind: string; name: string; uid: string; controller?: boolean }>;
}
export interface Deployment {
  metadata: ObjectMeta;
  spec: {
    replicas?: number;
    paused?: boolean;
    selector?: { matchLabels?: Record<string, string> };
    template: PodTemplate;
    progressDeadlineSeconds?: number;
    revisionHistoryLimit?: number;
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
export interface ReplicaSet {
  metadata: ObjectMeta;
  spec: { replicas?: number; template: PodTemplate };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
}
export interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  image?: string;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: string };
    terminated?: { reason?: string; message?: string; exitCode?: number };
  };
}
export interface Pod {
  metadata: ObjectMeta;
  status?: { phase?: string; conditions?: Condition[]; containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
}
export interface List<T> {
  items: T[];
}
