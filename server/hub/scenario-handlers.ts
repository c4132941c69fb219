/**
 * The scenario events of the socket.io contract: `scenarios` (catalog and current runs),
 * `runScenario` (validated, queued), and `scenario` status broadcast to every page.
 */
import { z } from 'zod';
import { SCENARIO_IDS } from '../../core/scenario/scenario-id.ts';
import { CONCURRENT_MAX } from '../../core/scenario/scenario-sizes.ts';
import type { ScenarioService } from '../scenarios/scenario-service.ts';
import type { HubServer } from './hub.ts';
import { firstIssue } from './messages.ts';

/** No target field: a page can only run scenarios against the server's own endpoints. */
export const runScenarioSchema = z
  .strictObject({
    id: z.enum(SCENARIO_IDS as [string, ...string[]], 'No such scenario.'),
    clients: z.number().int().min(1).max(CONCURRENT_MAX).optional(),
  })
  .refine((r) => r.clients === undefined || r.id === 'concurrent', {
    message: 'clients applies only to the concurrent scenario.',
  });

export function attachScenarios(io: HubServer, service: ScenarioService): () => void {
  const off = service.onStatus((s) => io.emit('scenario', s));
  io.on('connection', (socket) => {
    socket.on('scenarios', (ack) => {
      if (typeof ack === 'function') ack(service.catalog());
    });
    socket.on('runScenario', (req, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = runScenarioSchema.safeParse(req);
      if (!parsed.success) return ack({ ok: false, error: firstIssue(parsed.error) });
      const { id, clients } = parsed.data;
      const params = clients === undefined ? {} : { clients };
      ack(service.enqueue(id as (typeof SCENARIO_IDS)[number], params, socket.id));
    });
  });
  return off;
}
