/**
 * The messages between the web process and a worker thread. The pool knows tasks only by their
 * kind (a string) and treats inputs, outputs and progress as opaque structured-clone data.
 */

/** Web process → worker: run one task. */
export interface TaskMessage {
  readonly id: number;
  readonly kind: string;
  readonly input: unknown;
}

/** Worker → web process: progress of a running task, its result, or a crash inside it. */
export type WorkerMessage =
  | { readonly id: number; readonly type: "progress"; readonly progress: unknown }
  | { readonly id: number; readonly type: "done"; readonly output: unknown }
  | { readonly id: number; readonly type: "crashed"; readonly message: string };

/** What a task's declaration looks like in a task map: its input, output and progress types. */
export interface TaskSpec<Input = unknown, Output = unknown, Progress = never> {
  readonly input: Input;
  readonly output: Output;
  readonly progress: Progress;
}

export type TaskMap = Record<string, TaskSpec<unknown, unknown, unknown>>;

/** Given to a task's handler inside the worker. */
export interface TaskContext<Progress> {
  /** Sends progress to whoever awaits the task (cheap; the caller throttles what it shows). */
  progress(update: Progress): void;
}

export type TaskHandlers<M extends TaskMap> = {
  readonly [K in keyof M]: (
    input: M[K]["input"],
    context: TaskContext<M[K]["progress"]>,
  ) => M[K]["output"] | Promise<M[K]["output"]>;
};
