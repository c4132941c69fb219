/** Typed context helpers for the session picker's state and the scenario panel's state. */
import { getContext, setContext } from 'svelte';
import type { Scenarios } from './scenarios.svelte.ts';
import type { Sessions } from './sessions.svelte.ts';

const SESSIONS = Symbol('sessions');
const SCENARIOS = Symbol('scenarios');

export function setSessions(s: Sessions): Sessions {
  return setContext(SESSIONS, s);
}

export function getSessions(): Sessions {
  const s = getContext<Sessions | undefined>(SESSIONS);
  if (!s) throw new Error('getSessions() outside the App tree');
  return s;
}

export function setScenarios(s: Scenarios): Scenarios {
  return setContext(SCENARIOS, s);
}

export function getScenarios(): Scenarios {
  const s = getContext<Scenarios | undefined>(SCENARIOS);
  if (!s) throw new Error('getScenarios() outside the App tree');
  return s;
}
