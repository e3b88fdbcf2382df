/**
 * <warraq-search-status> — the index status line: loading, "building n of N", or ready with where
 * the index came from (loaded from disk in n ms / n articles indexed this session), and a rebuild
 * button. data-state/data-loaded/data-built mirror the status for tests and diagnostics.
 */
import { LitElement, html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import type { SearchStatus } from '../../services/search';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t, formatNumber } from '../strings/i18n';
import { reportError, plainDetail } from '../common/report-error';

@customElement('warraq-search-status')
export class SearchStatusLine extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: flex; align-items: center; gap: 8px; font-size: 0.85rem; color: var(--fg-muted); }
    progress { inline-size: 8rem; }
    button { font-size: 0.8rem; min-block-size: 26px; }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private status!: SearchStatus;
  protected readonly i18n = new LanguageController(this);
  private readonly onStatus = (e: Event) => {
    this.status = (e as CustomEvent<SearchStatus>).detail;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.status = this.services.search.status;
    this.services.search.addEventListener('status', this.onStatus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.search.removeEventListener('status', this.onStatus);
  }

  private text(s: SearchStatus): string {
    switch (s.state) {
      case 'loading':
        return s.total > 0 && s.done > 0
          ? t('search.status.loadingParts', {
              done: formatNumber(s.done),
              total: formatNumber(s.total),
              count: formatNumber(s.size),
            })
          : t('search.status.loading');
      case 'building':
        return t('search.status.building', { done: s.done, total: s.total });
      case 'error':
        return t('search.status.error', { detail: plainDetail(undefined, s.message ?? '') });
      case 'empty':
        return t('search.status.empty');
      default: {
        const parts = [t('search.status.ready', { count: s.size })];
        if (s.loaded > 0) parts.push(t('search.status.fromDisk', { ms: Math.round(s.loadMs) }));
        if (s.built > 0) parts.push(t('search.status.built', { count: s.built }));
        // Not '·': beside Arabic-Indic digits it reads as a zero (٠).
        return parts.join(' — ');
      }
    }
  }

  private rebuild = (): void => {
    this.services.search.rebuild().catch((e) => reportError(this.services.notifier, e));
  };

  override render() {
    const s = this.status;
    return html`
      <span role="status" data-state=${s.state} data-size=${s.size} data-loaded=${s.loaded} data-built=${s.built} data-reason=${s.reason}>${this.text(s)}</span>
      ${s.state === 'building' ? html`<progress max=${s.total} .value=${s.done} aria-label=${t('search.status.building', { done: formatNumber(s.done), total: formatNumber(s.total) })}></progress>` : ''}
      <button @click=${this.rebuild} ?disabled=${s.state === 'building' || s.state === 'loading'}>${t('search.rebuild')}</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-search-status': SearchStatusLine;
  }
}
