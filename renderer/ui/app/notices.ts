/**
 * <warraq-notices> — the notifier's newest notice, one at a time, in a compact bar at the bottom
 * corner (never a stack over the reading column), announced to screen readers (role=status / alert),
 * with an Undo button when it has one, a dismiss button, and how many older notices are waiting.
 * An undo outlives its notice: Ctrl+Z (the app shell) runs the newest pending one.
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Notice } from '../../services/notifier';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t, formatNumber } from '../strings/i18n';
import { reportError } from '../common/report-error';
import { icon } from '../common/icons';

@customElement('warraq-notices')
export class Notices extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { position: fixed; inset-block-end: 12px; inset-inline-start: 12px; z-index: 10; max-inline-size: min(26rem, calc(100vw - 24px)); }
    .notice { display: flex; gap: 8px; align-items: center; background: var(--fg); color: var(--bg); padding-block: 6px; padding-inline: 12px 6px; border-radius: 8px; box-shadow: 0 2px 10px rgb(0 0 0 / 0.2); font-size: 0.9rem; }
    .notice.error { background: var(--danger); color: #fff; }
    .notice p { margin: 0; flex: 1; overflow: hidden; text-overflow: ellipsis; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
    .notice button { background: transparent; color: inherit; border-color: transparent; min-block-size: 28px; padding-inline: 8px; }
    .notice button.undo { border-color: currentColor; font-weight: 700; }
    .notice button:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
    .more { font-size: 0.8rem; opacity: 0.8; white-space: nowrap; }
  `,
  ];
  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private notices: Notice[] = [];
  protected readonly i18n = new LanguageController(this);
  private readonly timers = new Map<number, number>();
  private readonly onChange = () => this.sync();

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.notifier.addEventListener('change', this.onChange);
    this.sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.notifier.removeEventListener('change', this.onChange);
    for (const timer of this.timers.values()) window.clearTimeout(timer);
    this.timers.clear();
  }

  private sync(): void {
    this.notices = this.services.notifier.notices;
    for (const n of this.notices) {
      if (n.timeout > 0 && !this.timers.has(n.id)) {
        this.timers.set(
          n.id,
          window.setTimeout(() => this.services.notifier.dismiss(n.id), n.timeout),
        );
      }
    }
  }

  private async undo(n: Notice): Promise<void> {
    try {
      if (await this.services.notifier.undo(n.id))
        this.services.notifier.notify({ kind: 'success', message: 'notice.undone' });
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  override render() {
    // The newest notice only; older ones wait behind it (dismissing it shows the one before).
    const n = this.notices.at(-1);
    if (!n) return nothing;
    const others = this.notices.length - 1;
    return html`
      <div class="notice ${n.kind}" role=${n.kind === 'error' ? 'alert' : 'status'}>
        <p>${t(n.message, n.params)}</p>
        ${others > 0 ? html`<span class="more" title=${t('library.notices.more', { count: others })}>+${formatNumber(others)}</span>` : nothing}
        ${n.undo ? html`<button class="undo" @click=${() => this.undo(n)}>${t('notice.undo')}</button>` : nothing}
        <button class="icon-btn" aria-label=${t('notice.dismiss')} title=${t('notice.dismiss')} @click=${() => this.services.notifier.dismiss(n.id)}>${icon('close')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-notices': Notices;
  }
}
