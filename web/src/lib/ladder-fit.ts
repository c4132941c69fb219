/**
 * The ladder's measured room: how far pills and state labels reach out from each side's
 * lifeline (the insets beside the outer lifelines), and where the lane heads stand.
 */
import type { SessionRecord, Side } from '../../../core/protocol.ts';
import type { DerivedStates } from '../../../core/analysis/derived-states.ts';
import { pillWidthOf } from './ladder-layout.ts';
import type { ladderFonts } from './ladder-sizes.ts';
import { measureText, stateBoxWidth } from './ladder-measure.ts';
import { pillBeside, placeHeads, sideRoom } from './ladder-room.ts';
import { lifelineStates } from './lifeline-states.ts';
import { stateText } from './state-text.ts';
import { stepLabel } from './step-label.ts';
import { t } from './messages.ts';

type Fonts = ReturnType<typeof ladderFonts>;

/**
 * Per side, the px its labels reach out from the lifeline. State labels only with two lifelines;
 * TIME_WAIT counts at its widest (its first second), so the countdown never moves the lifelines.
 */
export function labelRooms(
  records: readonly SessionRecord[],
  derived: ReadonlyMap<number, DerivedStates>,
  fonts: Fonts,
  mono: string,
  withStates: boolean,
): Record<Side, number> {
  const pills = new Map(
    records.flatMap((r) =>
      r.type === 'step'
        ? [[r.recNo, { side: r.side, width: pillWidthOf(stepLabel(r), fonts.labelCharWidth) }]]
        : [],
    ),
  );
  const marks = withStates
    ? lifelineStates(records, derived, { ys: [], rowHeight: 0, clientX: 0, serverX: 0 })
    : [];
  const states = marks.map((m) => ({
    side: m.side,
    pill: pillBeside(m, pills),
    width: stateBoxWidth(
      stateText(m.state, m.state === 'TIME_WAIT' ? 0 : undefined, 0, m.derived).text,
      m.derived,
      fonts.stateFont,
      mono,
    ),
  }));
  return sideRoom([...pills.values()], states);
}

export interface HeadInput {
  lanes: readonly { x: number; role: Side; label: string }[];
  /** The ladder's text size and the width of its time columns (px). */
  font: number;
  axisWidth: number;
  width: number;
  families: { mono: string; sans: string };
}

/**
 * Left edges of the lane heads (role in bold, then the address in monospace), measured, right
 * of the time columns' title; null when they cannot stand side by side.
 */
export function headLefts(o: HeadInput): number[] | null {
  const widths = o.lanes.map(
    (l) =>
      measureText(t(`role.${l.role}`), { size: o.font, family: o.families.sans, weight: 700 }) +
      0.4 * o.font +
      measureText(l.label, { size: o.font, family: o.families.mono }),
  );
  const axis = measureText(`${t('ladder.time')} · ${t('ladder.delta')}`, {
    size: o.font,
    family: o.families.sans,
  });
  const lo = Math.min(o.axisWidth, 0.4 * 16 + axis + o.font);
  return placeHeads(
    o.lanes.map((l) => l.x),
    widths,
    lo,
    o.width - 4,
    o.font,
  );
}
