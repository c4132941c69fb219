/**
 * The ladder's sizes in px for a font size, the room its state labels need, and the height it
 * has: in 'fit' zoom the rows share the height (never shorter than a pill and a little gap), so a whole
 * exchange shows without scrolling.
 */

export interface SizeInput {
  projector: boolean;
  /** Rows to fit. */
  rows: number;
  /** Height of the scroll area (px). */
  viewHeight: number;
  fit: boolean;
  /** How far labels reach out from the left and the right lifeline (px, measured: pills and
   *  state labels, see ladder-room.ts). */
  leftRoom: number;
  rightRoom: number;
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

/** Characters of the time columns: `12.345` and `+8.3ms`. */
const TIME_CHARS = 6;
/** Least room beside an outer lifeline, in characters: a short pill ("close"). */
const MIN_ROOM_CHARS = 4;

/** The ladder's type for a mode: text, state labels and markers, and character widths. */
export function ladderFonts(projector: boolean) {
  const font = projector ? 20 : 16;
  return {
    font,
    stateFont: projector ? font : Math.round(font * 0.875),
    charWidth: font * 0.61,
    labelCharWidth: font * 0.62,
  };
}

export function ladderSizes(o: SizeInput): LadderSizes {
  const { font, stateFont, charWidth, labelCharWidth } = ladderFonts(o.projector);
  const inset = (room: number) => Math.round(Math.max(room, MIN_ROOM_CHARS * charWidth) + 6);
  const phaseWidth = Math.round(font * 1.3);
  const lanesHeight = Math.round(font * 1.7);
  // A pill is 1.2 lines tall: a quarter line more keeps neighbouring pills apart, and lets 23 rows
  // (the classic exchange when the client's ACK of the server's FIN comes before its own FIN)
  // fit a 720 px projector in projector mode.
  const minRow = Math.round(font * 1.25);
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
    insetLeft: inset(o.leftRoom),
    insetRight: inset(o.rightRoom),
    lanesHeight,
  };
}
