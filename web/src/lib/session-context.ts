/** Typed context helpers for the session picker's, the scenario panel's and the classroom's state. */
import { getContext, setContext } from 'svelte';
import type { Scenarios } from './scenarios.svelte.ts';
import type { Sessions } from './sessions.svelte.ts';
import type { Classroom } from './classroom.svelte.ts';

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

const CLASSROOM = Symbol('classroom');

export function setClassroom(c: Classroom): Classroom {
  return setContext(CLASSROOM, c);
}

export function getClassroom(): Classroom {
  const c = getContext<Classroom | undefined>(CLASSROOM);
  if (!c) throw new Error('getClassroom() outside the App tree');
  return c;
}
