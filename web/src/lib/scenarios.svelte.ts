/**
 * The scenario panel's state: the catalog from the server, the runs every page hears of, the
 * scenario picked to run next, and what to show when this page's own run starts and ends.
 */
import { localizedScenario } from '../../../core/scenario/scenario-catalog-zh.ts';
import { locale } from './locale.svelte.ts';
import type { ScenarioStatus } from '../../../core/protocol.ts';
import type { ScenarioSummary } from '../../../core/scenario/scenario-status.ts';
import type { ScenarioId } from '../../../core/scenario/scenario-id.ts';
import { CONCURRENT_DEFAULT, CONCURRENT_MAX } from '../../../core/scenario/scenario-sizes.ts';
import type { Connection } from './connection.svelte.ts';
import { refusalText } from './refusal-text.ts';
import { applyStatus, focusedRun, markMine, runningRun, type RunEntry } from './scenario-runs.ts';

export interface ScenarioHooks {
  /** This page's run began playing: show the live session, following its newest conversation. */
  started: () => void;
  /** This page's run ended: show the conversations it opened. */
  finished: (convs: string[]) => void;
}

export class Scenarios {
  open = $state(false);
  catalog = $state.raw<readonly ScenarioSummary[]>([]);
  runs = $state.raw<readonly RunEntry[]>([]);
  selected = $state<ScenarioId>('classic');
  clients = $state(CONCURRENT_DEFAULT);
  error = $state<string | null>(null);
  /** A run picked by hand in the panel; null follows this page's newest. */
  picked = $state<string | null>(null);
  loading = $state(false);

  #conn: Connection;
  #hooks: ScenarioHooks;

  constructor(conn: Connection, hooks: ScenarioHooks) {
    this.#conn = conn;
    this.#hooks = hooks;
    conn.onScenario((s) => this.#heard(s));
  }

  focused = $derived.by(() => focusedRun(this.runs, this.picked));
  running = $derived.by(() => runningRun(this.runs));
  selectedEntry = $derived.by(() => this.catalog.find((s) => s.id === this.selected));

  titleOf(id: ScenarioId): string {
    const entry = this.catalog.find((s) => s.id === id);
    return entry ? localizedScenario(entry, locale.current).title : id;
  }

  /** Asks for the catalog and the runs under way (on opening the panel, and after reconnects). */
  async load(): Promise<void> {
    this.loading = true;
    try {
      const cat = await this.#conn.scenarios();
      this.catalog = cat.scenarios;
      this.runs = cat.runs.reduce(applyStatus, this.runs);
      this.error = null;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      this.loading = false;
    }
  }

  async run(): Promise<void> {
    const id = this.selected;
    const clients = Math.round(Math.min(CONCURRENT_MAX, Math.max(1, this.clients || 1)));
    this.error = null;
    try {
      const res = await this.#conn.runScenario(id === 'concurrent' ? { id, clients } : { id });
      if (!res.ok) {
        this.error = refusalText(res);
        return;
      }
      this.runs = markMine(this.runs, id, res);
      this.picked = null;
      if (res.state === 'running') this.#hooks.started();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  #heard(s: ScenarioStatus): void {
    const before = this.runs.find((r) => r.runId === s.runId);
    this.runs = applyStatus(this.runs, s);
    const now = this.runs.find((r) => r.runId === s.runId);
    if (!now?.mine || before?.state === now.state) return;
    if (now.state === 'running') this.#hooks.started();
    if (now.state === 'done') this.#hooks.finished(now.convs ?? []);
  }
}
