/**
 * <warraq-feeds> — the Sources screen: subscribe by feed or site address, refresh all, OPML import and
 * export, and the list of feeds, each with its outlet name, address, last fetch, new items and its own
 * last error. The side column (<warraq-collect-side>) saves a page by link, lists watched folders
 * (desktop) and the import history.
 *
 * Services: feeds, platform, notifier (through context).
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { reportError } from '../common/report-error';
import { LanguageController, formatNumber, t } from '../strings/i18n';
import { errorReason, when, type Feed } from './feed-text';
import './collect-side';
import { icon } from '../common/icons';

@customElement('warraq-feeds')
export class FeedsView extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; overflow: auto; }
    .page { display: grid; grid-template-columns: minmax(0, 1fr) minmax(260px, 340px); gap: 24px; padding-block: 20px; padding-inline: 24px; max-inline-size: 1200px; margin-inline: auto; }
    @media (max-width: 820px) { .page { grid-template-columns: 1fr; } }
    h1 { font-size: 1.4rem; margin: 0 0 12px; }
    h2 { font-size: 1.1rem; margin: 0 0 8px; }
    form { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; margin-block-end: 8px; }
    label { display: flex; flex-direction: column; gap: 4px; flex: 1; min-inline-size: 240px; }
    input { padding-block: 6px; padding-inline: 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
    .hint { font-size: 0.85rem; }
    .status { margin-block: 8px; min-block-size: 1.5em; }
    ul { list-style: none; padding: 0; margin: 12px 0 0; display: flex; flex-direction: column; gap: 10px; }
    li { border: 1px solid var(--border); border-radius: 8px; padding-block: 10px; padding-inline: 14px; background: var(--bg-elev); display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; }
    li.broken { border-inline-start: 4px solid var(--danger, #b00020); }
    h3 { margin: 0; font-size: 1.05rem; }
    .url { font-size: 0.85rem; direction: ltr; unicode-bidi: isolate; overflow-wrap: anywhere; }
    .meta { font-size: 0.9rem; display: flex; gap: 14px; flex-wrap: wrap; }
    .error { color: var(--danger, #b00020); font-weight: 600; }
    .ok { color: var(--ok, #2e7d32); }
    .actions { grid-row: 1 / span 3; grid-column: 2; display: flex; flex-direction: column; gap: 6px; align-items: stretch; }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private busy = false;
  @state() private address = '';
  protected readonly i18n = new LanguageController(this);
  private renderTimer = 0;
  // A refresh of 100 feeds changes the service hundreds of times; the list re-renders at most every 100 ms.
  private readonly onChange = () => {
    this.renderTimer ||= window.setTimeout(() => {
      this.renderTimer = 0;
      this.requestUpdate();
    }, 100);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.feeds.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.feeds.removeEventListener('change', this.onChange);
    clearTimeout(this.renderTimer);
    this.renderTimer = 0;
  }

  private async subscribe(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.address.trim() || this.busy) return;
    this.busy = true;
    const { feeds, notifier } = this.services;
    try {
      const feed = await feeds.subscribe(this.address);
      this.address = '';
      notifier.notify({ kind: 'info', message: 'feeds.subscribed', params: { title: feed.title } });
    } catch (err) {
      const code =
        (err as { name?: string; code?: string }).name === 'SubscribeError'
          ? (err as { code: string }).code
          : undefined;
      if (code)
        notifier.error(
          (err as Error).message === 'You already follow this feed.' ? 'feeds.duplicate' : `feeds.error.${code}`,
        );
      else reportError(notifier, err);
    } finally {
      this.busy = false;
    }
  }

  private refresh(ids?: string[]): void {
    this.services.feeds.refresh(ids).catch((err) => reportError(this.services.notifier, err));
  }

  private async unsubscribe(feed: Feed): Promise<void> {
    try {
      await this.services.feeds.unsubscribe(feed.id);
      this.services.notifier.notify({ kind: 'info', message: 'feeds.removed', params: { title: feed.title } });
    } catch (err) {
      reportError(this.services.notifier, err);
    }
  }

  private async importOpml(): Promise<void> {
    const { platform, feeds, notifier } = this.services;
    try {
      const files = await platform.pickFiles({ multiple: false, accept: ['.opml', '.xml'] });
      if (!files?.length) return;
      const text = await (await files[0]!.blob()).text();
      let count: number;
      try {
        count = await feeds.importOpml(text);
      } catch {
        notifier.error('feeds.opmlBad');
        return;
      }
      notifier.notify({ kind: 'info', message: 'feeds.opmlAdded', params: { count } });
    } catch (err) {
      reportError(notifier, err);
    }
  }

  private async exportOpml(): Promise<void> {
    const { platform, feeds, notifier } = this.services;
    try {
      const xml = await feeds.exportOpml(t('feeds.opmlTitle'));
      await platform.save({
        suggestedName: 'warraq-feeds.opml',
        mime: 'text/x-opml;charset=utf-8',
        data: new Blob([xml], { type: 'text/x-opml' }),
      });
    } catch (err) {
      reportError(notifier, err);
    }
  }

  private renderFeed(f: Feed) {
    const err = f.lastError;
    return html`
      <li class=${err ? 'broken' : ''} aria-label=${f.title}>
        <h3><bdi dir="auto">${f.title}</bdi></h3>
        <div class="url" dir="ltr">${f.url}</div>
        <div class="meta">
          <span>${f.lastFetched ? t('feeds.lastFetched', { when: when(f.lastFetched) }) : t('feeds.never')}</span>
          ${f.lastFetched && !err ? html`<span class="ok">${t('feeds.ok')}</span>` : nothing}
          ${f.lastNew !== undefined && !err ? html`<span>${t('feeds.newItems', { count: f.lastNew })}</span>` : nothing}
          ${f.collected ? html`<span>${t('feeds.collected', { count: f.collected })}</span>` : nothing}
          ${err && f.retryAt ? html`<span>${t('feeds.retryAt', { when: when(f.retryAt) })}</span>` : nothing}
        </div>
        ${err ? html`<div class="error" title=${err.message}>${t('feeds.error', { reason: errorReason(err) })}</div>` : nothing}
        <div class="actions">
          <button class="icon-btn" aria-label=${t('feeds.refreshOne', { title: f.title })} @click=${() => this.refresh([f.id])}>${icon('refresh')}</button>
          <button class="icon-btn" aria-label=${t('feeds.remove', { title: f.title })} @click=${() => this.unsubscribe(f)}>${icon('close')}</button>
        </div>
      </li>`;
  }

  override render() {
    const { feeds, status } = this.services.feeds;
    const r = status.lastReport;
    return html`<div class="page">
      <section aria-labelledby="feeds-h">
        <h1 id="feeds-h">${t('feeds.title')}</h1>
        <h2>${t('feeds.subscribeHeading')}</h2>
        <form @submit=${this.subscribe}>
          <label>${t('feeds.address')}
            <input type="text" inputmode="url" dir="ltr" autocomplete="url" .value=${this.address}
              @input=${(e: Event) => {
                this.address = (e.target as HTMLInputElement).value;
              }} />
            <span class="hint muted">${t('feeds.addressHint')}</span>
          </label>
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('feeds.subscribing') : t('feeds.subscribe')}</button>
        </form>
        <div class="toolbar">
          <button @click=${() => this.refresh()} ?disabled=${!feeds.length}>${t('feeds.refreshAll')}</button>
          <button @click=${this.importOpml}>${t('feeds.importOpml')}</button>
          <button @click=${this.exportOpml} ?disabled=${!feeds.length}>${t('feeds.exportOpml')}</button>
        </div>
        <div class="status" role="status">
          ${
            status.waitingOffline
              ? t('feeds.waitingOffline')
              : status.refreshing
                ? t('feeds.refreshing')
                : r
                  ? t('feeds.lastReport', {
                      imported: r.imported,
                      duplicates: r.duplicates,
                      failed: formatNumber(r.failed.length),
                    })
                  : ''
          }
          ${
            status.resting && !status.waitingOffline && !status.refreshing
              ? html`<div>${t('feeds.resting', { count: formatNumber(status.resting.count), when: when(status.resting.until) })}</div>`
              : nothing
          }
        </div>
        ${
          feeds.length
            ? html`<ul aria-label=${t('feeds.listLabel')}>${feeds.map((f) => this.renderFeed(f))}</ul>`
            : html`<p class="muted">${t('feeds.empty')}</p>`
        }
      </section>
      <warraq-collect-side></warraq-collect-side>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-feeds': FeedsView;
  }
}
