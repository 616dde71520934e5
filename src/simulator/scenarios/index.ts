import { appScenarios } from './app-scenarios';
import { demoScenario } from './demo';
import { buildHealthyTenant } from './healthy-tenant';
import { mailboxScenarios } from './mailbox-scenarios';
import { permissionScenarios } from './permission-scenarios';
import { restrictionScenarios } from './restriction-scenarios';
import { rotationScenarios } from './rotation-scenarios';
import type { Scenario, ScenarioDefinition } from './scenario';
import { secretScenarios } from './secret-scenarios';
import { squattingScenarios } from './squatting-scenarios';

const DEFINITIONS: ScenarioDefinition[] = [
  demoScenario,
  ...appScenarios,
  ...secretScenarios,
  ...permissionScenarios,
  ...mailboxScenarios,
  ...restrictionScenarios,
  ...squattingScenarios,
  ...rotationScenarios,
];

export function scenarioNames(): string[] {
  return DEFINITIONS.map((d) => d.name);
}

/** Every scenario's name and what it shows, in catalogue order. */
export function scenarioDescriptions(): { name: string; description: string }[] {
  return DEFINITIONS.map((d) => ({ name: d.name, description: d.description }));
}

/** "  name        what it shows", one scenario a line. */
export function scenarioList(): string {
  const width = Math.max(...DEFINITIONS.map((d) => d.name.length));
  return DEFINITIONS.map((d) => `  ${d.name.padEnd(width)}  ${d.description}`).join('\n');
}

/** A fresh tenant for the named scenario, its dates relative to `now`. */
export function buildScenario(name: string, now: Date): Scenario {
  const definition = DEFINITIONS.find((d) => d.name === name);
  if (!definition) {
    throw new Error(`Unknown simulator scenario "${name}". The scenarios are:\n${scenarioList()}`);
  }
  const draft = buildHealthyTenant(now);
  definition.apply?.(draft);
  return {
    name: definition.name,
    description: definition.description,
    intent: definition.intent ?? {},
    state: draft.state,
    product: draft.product,
    pageSize: definition.pageSize,
  };
}
