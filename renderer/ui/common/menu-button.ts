/**
 * <warraq-menu-button> — a button that opens a menu (WAI-ARIA menu button pattern) in a native popover.
 *
 * Properties: `label` (the button's accessible name and tooltip), `icon` (an IconName), `items`
 * (MenuItem[]: id, label, icon, optional lang for a label in the other language).
 * Events: `warraq-menu-select` (MenuSelectEvent, detail: the item id) after the menu has closed and focus is
 * back on the button, so a dialog opened in response returns focus there when it closes.
 * Keyboard: Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; in the menu ArrowDown/ArrowUp
 * move (wrapping), Home/End jump, Enter/Space choose, Escape closes, Tab closes and moves on. Focus returns to the
 * button whenever the menu closes while it holds focus (Escape, a choice, a click outside).
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { baseStyles } from './styles';
import { icon, type IconName } from './icons';

export interface MenuItem {
  id: string;
  label: string;
  icon?: IconName;
  /** The label's language when it is not the interface's (the language switch names the other language). */
  lang?: string;
}

export class MenuSelectEvent extends CustomEvent<string> {
  constructor(id: string) {
    super('warraq-menu-select', { detail: id, bubbles: true, composed: true });
  }
}

@customElement('warraq-menu-button')
export class MenuButton extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: inline-block; }
      .trigger { anchor-name: --menu-trigger; }
      /* Below the button, from its inline-start edge (its right edge in Arabic); flipped when it would not fit. */
      [role='menu'] {
        position: fixed; position-anchor: --menu-trigger; inset: auto; margin: 0; margin-block: var(--space-1);
        position-area: block-end span-inline-end; position-try-fallbacks: flip-block, flip-inline;
        padding: var(--space-1);
        min-inline-size: 14rem; max-inline-size: 22rem;
        background: var(--bg); color: var(--fg);
        border: 1px solid var(--border); border-radius: var(--radius-lg); box-shadow: var(--shadow-2);
      }
      [role='menuitem'] {
        display: flex; justify-content: flex-start; inline-size: 100%;
        border: 0; border-radius: var(--radius-md); background: transparent;
        padding-block: var(--space-2); padding-inline: var(--space-3); text-align: start;
      }
      [role='menuitem']:hover, [role='menuitem']:focus-visible { background: var(--bg-hover); }
      [role='menuitem'] .icon { color: var(--fg-muted); }
    `,
  ];

  @property() label = '';
  @property() icon: IconName = 'more';
  @property({ attribute: false }) items: MenuItem[] = [];
  @state() private open = false;
  @query('button.trigger') private trigger!: HTMLButtonElement;
  @query('[role=menu]') private menu!: HTMLElement;

  private menuItems(): HTMLElement[] {
    return [...this.menu.querySelectorAll<HTMLElement>('[role=menuitem]')];
  }

  /** Which item takes focus when the menu opens: the first, or (-1) the last. */
  private focusOnOpen: 0 | -1 = 0;

  /** Opens the menu and focuses an item (first by default, -1 for the last). */
  show(focus: 0 | -1 = 0): void {
    this.focusOnOpen = focus;
    if (!this.menu.matches(':popover-open')) this.menu.showPopover();
  }

  /** Closes the menu; `refocus` puts focus back on the button. */
  hide(refocus = true): void {
    if (this.menu.matches(':popover-open')) this.menu.hidePopover();
    if (refocus) this.trigger.focus();
  }

  private onToggle = (e: Event): void => {
    this.open = (e as ToggleEvent).newState === 'open';
    if (this.open) {
      this.menuItems().at(this.focusOnOpen)?.focus();
      this.focusOnOpen = 0;
    } else if (this.menu.contains(this.shadowRoot!.activeElement)) {
      // Light dismiss (a click outside) while focus was in the menu: back to the button.
      this.trigger.focus();
    }
  };

  private onTriggerKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.show(e.key === 'ArrowUp' ? -1 : 0);
    }
  };

  private onMenuKey = (e: KeyboardEvent): void => {
    const items = this.menuItems();
    const i = items.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    const go = (n: number) => {
      e.preventDefault();
      items[(n + items.length) % items.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.hide();
    } else if (e.key === 'Tab') this.hide(false);
  };

  private choose(id: string): void {
    this.hide();
    this.dispatchEvent(new MenuSelectEvent(id));
  }

  override render() {
    return html`
      <button class="icon-btn trigger" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu" aria-label=${this.label} title=${this.label} popovertarget="menu"
        @keydown=${this.onTriggerKey}>${icon(this.icon)}</button>
      <div id="menu" role="menu" popover aria-label=${this.label} @toggle=${this.onToggle} @keydown=${this.onMenuKey}>
        ${this.items.map(
          (
            item,
          ) => html`<button role="menuitem" tabindex="-1" lang=${ifDefined(item.lang)} @click=${() => this.choose(item.id)}>
            ${item.icon ? icon(item.icon) : ''}<span>${item.label}</span></button>`,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-menu-button': MenuButton;
  }
  interface HTMLElementEventMap {
    'warraq-menu-select': MenuSelectEvent;
  }
}
