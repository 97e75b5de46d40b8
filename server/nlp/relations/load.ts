// Loads the trained relation and event classifiers (data/relations-model.json, data/events-model.json) once, with an
// error that says how to fix a bad file.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';
import { EventModel, parseEventModelFile } from '../events/model.ts';
import { parseModelFile, RelationModel } from './model.ts';

/** The committed models, rebuilt by `npm run train:relations`. */
export const DEFAULT_RELATION_MODEL_PATH = join(PROJECT_ROOT, 'data', 'relations-model.json');
export const DEFAULT_EVENT_MODEL_PATH = join(PROJECT_ROOT, 'data', 'events-model.json');

let shared: RelationModel | undefined;
let sharedEvents: EventModel | undefined;

function readModelText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the ${what} at ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): rebuild it with \`npm run train:relations\``,
    );
  }
}

/** The event model, like loadRelationModel: the committed one shared, or a given file afresh. */
export function loadEventModel(path?: string): EventModel {
  if (path === undefined && sharedEvents) return sharedEvents;
  const file = path === undefined ? DEFAULT_EVENT_MODEL_PATH : resolve(path);
  const model = new EventModel(parseEventModelFile(readModelText(file, 'event model'), file));
  if (path === undefined) sharedEvents = model;
  return model;
}

/**
 * The relation model. Without a path: the committed one, loaded on first use and shared; with a path: that file,
 * afresh (for evaluating a candidate). Throws an Error naming the file and the fix when it is missing or corrupt.
 */
export function loadRelationModel(path?: string): RelationModel {
  if (path === undefined && shared) return shared;
  const file = path === undefined ? DEFAULT_RELATION_MODEL_PATH : resolve(path);
  const text = readModelText(file, 'relation model');
  const model = new RelationModel(parseModelFile(text, file));
  if (path === undefined) shared = model;
  return model;
}
