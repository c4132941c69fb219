/**
 * The ladder's sizes in px for a font size, the room its state labels need, and the height it
 * has: in 'fit' zoom the rows share the height (never shorter than one line of text), so a whole
 * exchange shows without scrolling.
 */

export interface SizeInput {
  projector: boolean;
  /** Rows to fit. */
  rows: number;
  /** Height of the scroll area (px). */
  viewHeight: number;
  fit: boolean;
  /** Longest state label on the left and on the right lifeline (characters; 0 for none). */
  leftStateChars: number;
  rightStateChars: number;
  /** State labels of socket calls sit beside their pill, not on the lifeline. */
  besidePills: boolean;
}

export interface LadderSizes {
  font: number;
  /** State labels' font: the text size in projector mode, a little smaller otherwise. */
  stateFont: number;
  /** Width of one monospace character (px). */
  charWidth: number;
  /** Average width of one character of a pill's bold label (px). */
  labelCharWidth: number;
  rowHeight: number;
  /** The phase names' strip at the far left (px). */
  phaseWidth: number;
  /** Phase strip plus the t and Δt columns (px). */
  axisWidth: number;
  insetLeft: number;
  insetRight: number;
  /** The sticky head naming each lifeline (px). */
  lanesHeight: number;
}

/** Widest pill label: "peer end (FIN in)". */
const PILL_CHARS = 17;
/** Characters of the time columns: `12.345` and `+8.3ms`. */
const TIME_CHARS = 6;

export function ladderSizes(o: SizeInput): LadderSizes {
  const font = o.projector ? 20 : 16;
  const charWidth = font * 0.61;
  const labelCharWidth = font * 0.62;
  const pillHalf = Math.round((PILL_CHARS * labelCharWidth) / 2 + 10);
  const stateFont = o.projector ? font : Math.round(font * 0.875);
  const stateWidth = (chars: number) => (chars ? chars * stateFont * 0.61 + 22 : 0);
  const inset = (chars: number) =>
    Math.round(
      (o.besidePills ? pillHalf + stateWidth(chars) : Math.max(pillHalf, stateWidth(chars))) + 6,
    );
  const phaseWidth = Math.round(font * 1.3);
  const lanesHeight = Math.round(font * 1.7);
  const minRow = Math.round(font * 1.3);
  const rowHeight = o.fit
    ? Math.max(
        minRow,
        Math.min(
          Math.round(font * 2.4),
          Math.floor((o.viewHeight - lanesHeight - 12) / Math.max(1, o.rows)),
        ),
      )
    : Math.round(font * 1.7);
  return {
    font,
    stateFont,
    charWidth,
    labelCharWidth,
    rowHeight,
    phaseWidth,
    axisWidth: Math.round(phaseWidth + 2 * TIME_CHARS * charWidth + 24),
    insetLeft: inset(o.leftStateChars),
    insetRight: inset(o.rightStateChars),
    lanesHeight,
  };
}
