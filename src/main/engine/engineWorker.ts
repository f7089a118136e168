// Worker thread entry: runs engine tasks away from the thread that serves the
// UI (Electron's main process, or browser mode's HTTP server).
import { parentPort } from 'node:worker_threads';
import { engineTasks, type EngineTask } from './engineTasks';

interface Job {
  id: number;
  task: EngineTask;
  args: unknown;
}

parentPort?.on('message', ({ id, task, args }: Job) => {
  try {
    const run = engineTasks[task] as (args: unknown) => unknown;
    parentPort!.postMessage({ id, ok: true, value: run(args) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: (error as Error).stack ?? String(error) });
  }
});
