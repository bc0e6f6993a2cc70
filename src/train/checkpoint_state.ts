import { isAbsolute, join } from 'node:path';

/** TF's CheckpointState, kept as the text proto file `checkpoint` beside the checkpoints. */
export interface CheckpointState {
  modelCheckpointPath: string;
  allModelCheckpointPaths: string[];
}

const quote = (s: string): string => JSON.stringify(s);

export function formatCheckpointState(s: CheckpointState): string {
  const lines = [`model_checkpoint_path: ${quote(s.modelCheckpointPath)}`];
  for (const p of s.allModelCheckpointPaths) lines.push(`all_model_checkpoint_paths: ${quote(p)}`);
  return `${lines.join('\n')}\n`;
}

/** Parses the text proto; unknown fields (TF writes timestamps too) are ignored. */
export function parseCheckpointState(text: string): CheckpointState | null {
  let model: string | null = null;
  const all: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\w+)\s*:\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
    if (!m) continue;
    const value = JSON.parse(`"${m[2]!}"`) as string;
    if (m[1] === 'model_checkpoint_path') model = value;
    else if (m[1] === 'all_model_checkpoint_paths') all.push(value);
  }
  return model === null ? null : { modelCheckpointPath: model, allModelCheckpointPaths: all };
}

/** A path in the state file is relative to the checkpoint directory unless absolute. */
export function resolveInDir(dir: string, p: string): string {
  return isAbsolute(p) ? p : join(dir, p);
}
