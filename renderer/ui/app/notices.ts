/**
 * <warraq-notices> — the notifier's notices, announced to screen readers (role=status / alert),
 * each with an Undo button when it has one and a dismiss button. Ctrl+Z anywhere runs the newest undo
 * (handled by the app shell).
 */
import { LitElement, html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Notice } from '../../services/notifier';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';
import { reportError } from '../common/report-error';
import { icon } from '../common/icons';

@customElement('warraq-notices')
export class Notices extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { position: fixed; inset-block-end: 16px; inset-inline-start: 16px; display: flex; flex-direction: column; gap: 8px; z-index: 10; max-inline-size: min(560px, 90vw); }
    .notice { display: flex; gap: 10px; align-items: center; background: var(--fg); color: var(--bg); padding-block: 10px; padding-inline: 14px; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
    .notice.error { background: var(--danger); color: #fff; }
    .notice p { margin: 0; flex: 1; }
    .notice button { background: transparent; color: inherit; border-color: currentColor; }
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
    this.services.notifier.dismiss(n.id);
    try {
      await n.undo?.();
      this.services.notifier.notify({ kind: 'success', message: 'notice.undone' });
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  override render() {
    return this.notices.map(
      (n) => html`
      <div class="notice ${n.kind}" role=${n.kind === 'error' ? 'alert' : 'status'}>
        <p>${t(n.message, n.params)}</p>
        ${n.undo ? html`<button @click=${() => this.undo(n)}>${t('notice.undo')}</button>` : ''}
        <button class="icon-btn" aria-label=${t('notice.dismiss')} title=${t('notice.dismiss')} @click=${() => this.services.notifier.dismiss(n.id)}>${icon('close')}</button>
      </div>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-notices': Notices;
  }
}
