// Loads the trained relation classifier (data/relations-model.json) once, with an error that says how to fix a bad file.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';
import { parseModelFile, RelationModel } from './model.ts';

/** The committed model, rebuilt by `npm run train:relations`. */
export const DEFAULT_RELATION_MODEL_PATH = join(PROJECT_ROOT, 'data', 'relations-model.json');

let shared: RelationModel | undefined;

/**
 * The relation model. Without a path: the committed one, loaded on first use and shared; with a path: that file,
 * afresh (for evaluating a candidate). Throws an Error naming the file and the fix when it is missing or corrupt.
 */
export function loadRelationModel(path?: string): RelationModel {
  if (path === undefined && shared) return shared;
  const file = path === undefined ? DEFAULT_RELATION_MODEL_PATH : resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the relation model at ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): rebuild it with \`npm run train:relations\``,
    );
  }
  const model = new RelationModel(parseModelFile(text, file));
  if (path === undefined) shared = model;
  return model;
}
