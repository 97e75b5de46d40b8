// Checks, before a command that extracts starts anything, that the trained models it needs load: a missing or
// corrupt model file must stop it at once with the fix, not fail in the middle of a load or a request.
import { loadEventModel, loadRelationModel } from '../nlp/relations/load.ts';

/** The problem with the relation or event model, as a message naming the file and the fix; null when both load. */
export function relationModelProblem(path?: string, eventPath?: string): string | null {
  try {
    loadRelationModel(path);
    loadEventModel(eventPath);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
