import { CHECK_IDS } from '../../../src/domain/check-result';
import { SETUP_STEP_IDS, STEP_CHECKS } from '../../../src/domain/setup';

export * from '../../../src/domain/setup';

/** Every check id of the working steps (not the summary), and the catalogue. */
export function CHECK_IDS_BY_STEP() {
  const work = SETUP_STEP_IDS.filter((s) => s !== 'finish').flatMap((s) => [...STEP_CHECKS[s]]);
  return { work, all: [...CHECK_IDS] };
}
