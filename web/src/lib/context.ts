/** Typed context helpers: App sets the connection and view state once, components read them. */
import { getContext, setContext } from 'svelte';
import type { Connection } from './connection.svelte.ts';
import type { ViewState } from './view-state.svelte.ts';

const CONNECTION = Symbol('connection');
const VIEW = Symbol('view');

export function setConnection(conn: Connection): Connection {
  return setContext(CONNECTION, conn);
}

export function getConnection(): Connection {
  const conn = getContext<Connection | undefined>(CONNECTION);
  if (!conn) throw new Error('getConnection() outside the App tree');
  return conn;
}

export function setView(view: ViewState): ViewState {
  return setContext(VIEW, view);
}

export function getView(): ViewState {
  const view = getContext<ViewState | undefined>(VIEW);
  if (!view) throw new Error('getView() outside the App tree');
  return view;
}
