/**
 * Keeps a scroll container at its bottom (the newest row) while the user has not scrolled away
 * from it; the ladder and the table both follow a live conversation this way.
 */
import { tick } from 'svelte';

export class StickToBottom {
  /** The scroll container, set with `bind:this`. */
  el = $state<HTMLElement>();
  /** The user is at the bottom: new rows scroll into view. */
  atBottom = $state(true);

  onscroll = (): void => {
    const el = this.el;
    if (el) this.atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
  };

  /** Scrolls to the newest row and follows again. */
  toBottom = (): void => {
    if (this.el) this.el.scrollTop = this.el.scrollHeight;
    this.atBottom = true;
  };

  /** After new rows were drawn: follow them if the user was at the bottom. */
  rowsChanged(): void {
    if (this.atBottom) void tick().then(this.toBottom);
  }
}
