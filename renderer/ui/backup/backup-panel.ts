/**
 * <warraq-backup-panel> — the "Back up" and "Restore" sections of the Export & backup dialog:
 * a backup button, a restore mode (merge by default, or replace) and a file button, one progress bar
 * (role=progressbar) with Cancel while either runs, a confirmation (role=alertdialog) before a replace,
 * and a plain message (role=alert) when a file is refused — which always says nothing changed.
 *
 * Services: backup, notifier (through context). Methods: `focusSection(section)`.
 * Events: `warraq-busy` (BusyEvent, events.ts) when a run starts/ends, so the dialog stays open.
 */
import './backup-encryption';
import { BusyEvent, type PassphraseChangeEvent } from './events';
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import type { BackupProgress, RestoreMode, RestoreReport } from '../../services/backup';
import type { BackupSummary } from '../../core/backup/format';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, language, setLanguage, t } from '../strings/i18n';
import { failureMessage, type Message } from './messages';
import { panelStyles } from '../export/panel-styles';

interface Pending {
  file: Blob;
  name: string;
  summary: BackupSummary;
  /** The passphrase of an encrypted backup (issue 13). */
  passphrase?: string;
}

@customElement('warraq-backup-panel')
export class BackupPanel extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    css`
    dialog.confirm { border: 2px solid var(--danger, #b00020); border-radius: 10px; background: var(--bg-elev); color: var(--fg); max-inline-size: 520px; }
    dialog.confirm::backdrop { background: rgb(0 0 0 / 0.4); }
    button.danger { background: var(--danger, #b00020); color: #fff; border-color: var(--danger, #b00020); }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private mode: RestoreMode = 'merge';
  @state() private progress?: BackupProgress;
  @state() private message?: Message & { kind: 'error' | 'done' };
  @state() private pending?: Pending;
  /** An encrypted backup waiting for its passphrase (issue 13). */
  @state() private locked?: { file: Blob; name: string };
  /** The backup's passphrase: null when not encrypting, '' while incomplete (see backup-encryption.ts). */
  @state() private passphrase: string | null = null;
  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  protected readonly i18n = new LanguageController(this);
  private abort?: AbortController;

  protected override updated(changed: PropertyValues): void {
    // The dialog scrolls; a new message or progress bar must not sit below the fold.
    if (changed.has('message') || (changed.has('progress') && !changed.get('progress'))) {
      this.renderRoot.querySelector('.run, [role=alert], p.done')?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Moves focus to the backup button or the restore file button (menu commands). */
  focusSection(section: 'backup' | 'restore'): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-section=${section}]`)?.focus(),
    );
  }

  get running(): boolean {
    return !!this.abort;
  }

  private async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    this.abort = new AbortController();
    this.message = undefined;
    this.progress = undefined;
    this.dispatchEvent(new BusyEvent(true));
    try {
      return await work(this.abort.signal);
    } catch (e) {
      if ((e as Error)?.name !== 'RestoreCancelled' && (e as Error)?.name !== 'BackupError') console.error(e);
      this.message = { ...failureMessage(e), kind: 'error' };
      return undefined;
    } finally {
      this.abort = undefined;
      this.progress = undefined;
      this.dispatchEvent(new BusyEvent(false));
    }
  }

  private onProgress = (p: BackupProgress): void => {
    this.progress = p;
  };

  private async backup(): Promise<void> {
    const saved = await this.run(async (signal) => {
      const counts = await this.services.backup.counts();
      const ok = await this.services.backup.backup({
        signal,
        onProgress: this.onProgress,
        passphrase: this.passphrase ?? undefined,
      });
      return ok ? counts : undefined;
    });
    if (saved)
      this.message = {
        key: 'backup.done',
        params: { articles: saved.articles, annotations: saved.annotations, bookmarks: saved.bookmarks },
        kind: 'done',
      };
  }

  private async chooseFile(): Promise<void> {
    const picked = await this.services.backup.pick().catch(() => null);
    if (!picked) return;
    const file = await picked.blob();
    if (await this.services.backup.isEncrypted(file).catch(() => false)) {
      // Encrypted: ask for the passphrase first; nothing is read before it is given.
      this.message = undefined;
      this.locked = { file, name: picked.path };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('form.unlock input')?.focus();
      return;
    }
    await this.verifyAndRestore(file, picked.path);
  }

  private async unlock(e: Event): Promise<void> {
    e.preventDefault();
    const locked = this.locked;
    const input = this.renderRoot.querySelector<HTMLInputElement>('form.unlock input');
    if (!locked || !input?.value) return;
    const ok = await this.verifyAndRestore(locked.file, locked.name, input.value);
    if (ok) this.locked = undefined;
    else if (this.message?.key === 'restore.error.passphrase') {
      await this.updateComplete;
      input.select();
    } else this.locked = undefined;
  }

  /** Verifies the whole file (decrypting it with `passphrase`), then restores or asks to confirm a replace. */
  private async verifyAndRestore(file: Blob, name: string, passphrase?: string): Promise<boolean> {
    const checked = await this.run(async (signal) => {
      const summary = await this.services.backup.verify(file, { signal, onProgress: this.onProgress, passphrase });
      return { file, name, summary, passphrase };
    });
    if (!checked) return false;
    this.locked = undefined;
    if (this.mode === 'replace') {
      this.pending = checked;
      await this.updateComplete;
      this.confirmDialog?.showModal();
    } else await this.restore(checked);
    return true;
  }

  private async restore(p: Pending): Promise<void> {
    const mode = this.mode;
    const report = await this.run((signal) =>
      this.services.backup.restore(p.file, mode, {
        signal,
        onProgress: this.onProgress,
        verified: p.summary,
        passphrase: p.passphrase,
      }),
    );
    if (!report) return;
    this.message = { ...doneMessage(report), kind: 'done' };
    // A replace may bring the backup's interface language with it.
    const lang = this.services.settings.get('language');
    if (lang !== language()) {
      setLanguage(lang);
      void this.services.platform.setMenuLanguage(lang);
    }
  }

  private answer(yes: boolean): void {
    const p = this.pending;
    this.confirmDialog?.close();
    this.pending = undefined;
    if (yes && p) void this.restore(p);
  }

  private renderProgress() {
    const p = this.progress;
    const pct = p && p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
    return html`
      <div class="run">
        <div class="bar" role="progressbar" aria-label=${t(`xb.progress.${p?.phase ?? 'verify'}`)} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${pct}>
          <div style="inline-size: ${pct}%"></div>
        </div>
        <span>${t(`xb.progress.${p?.phase ?? 'verify'}`)} ${t('xb.percent', { percent: pct })}</span>
        <button @click=${() => this.abort?.abort()}>${t('xb.cancel')}</button>
      </div>
    `;
  }

  private renderUnlock(busy: boolean) {
    return html`<form class="unlock" aria-label=${t('restore.unlock.title')} @submit=${(e: Event) => this.unlock(e)}>
      <p>${t('restore.unlock.explain', { name: this.locked?.name ?? '' })}</p>
      <label>${t('restore.passphrase')} <input type="password" autocomplete="current-password" dir="auto" ?disabled=${busy}></label>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${busy}>${t('restore.unlock.run')}</button>
        <button type="button" ?disabled=${busy} @click=${() => {
          this.locked = undefined;
        }}>${t('restore.unlock.cancel')}</button>
      </div>
    </form>`;
  }

  private renderConfirm() {
    const p = this.pending;
    return html`
      <dialog class="confirm" role="alertdialog" aria-labelledby="ctitle" aria-describedby="cbody" @cancel=${() => this.answer(false)}>
        <div class="body">
          <h3 id="ctitle">${t('restore.confirm.title')}</h3>
          <p id="cbody">${p ? t('restore.confirm.body', { articles: this.services.library.size, name: p.name, backupArticles: p.summary.counts.articles }) : ''}</p>
          <div class="actions">
            <button class="primary" autofocus @click=${() => this.answer(false)}>${t('restore.confirm.no')}</button>
            <button class="danger" @click=${() => this.answer(true)}>${t('restore.confirm.yes')}</button>
          </div>
        </div>
      </dialog>
    `;
  }

  override render() {
    const busy = this.running;
    const m = this.message;
    return html`
      <section aria-labelledby="bh">
        <h3 id="bh">${t('backup.heading')}</h3>
        <p class="muted">${t('backup.explain')}</p>
        <warraq-backup-encryption ?disabled=${busy} @warraq-passphrase-change=${(e: PassphraseChangeEvent) => (this.passphrase = e.detail)}></warraq-backup-encryption>
        <button class="primary" data-section="backup" ?disabled=${busy || this.passphrase === ''} @click=${() => this.backup()}>${t('backup.run')}</button>
      </section>
      <section aria-labelledby="rh">
        <h3 id="rh">${t('restore.heading')}</h3>
        <fieldset ?disabled=${busy}>
          <legend>${t('restore.mode')}</legend>
          ${(['merge', 'replace'] as const).map(
            (m) => html`
            <label><input type="radio" name="mode" .checked=${this.mode === m} @change=${() => (this.mode = m)}> ${t(`restore.${m}`)}</label>`,
          )}
        </fieldset>
        <button data-section="restore" ?disabled=${busy} @click=${() => this.chooseFile()}>${t('restore.run')}</button>
        ${this.locked ? this.renderUnlock(busy) : nothing}
      </section>
      ${busy ? this.renderProgress() : nothing}
      ${m ? html`<p class=${m.kind} role=${m.kind === 'error' ? 'alert' : 'status'}>${t(m.key, m.params)}</p>` : nothing}
      ${this.renderConfirm()}
    `;
  }
}

function doneMessage(r: RestoreReport): Message {
  if (r.mode === 'replace')
    return {
      key: 'restore.done.replace',
      params: { articles: r.summary.counts.articles, annotations: r.summary.counts.annotations },
    };
  return {
    key: 'restore.done.merge',
    params: { added: r.added.articles, kept: r.existing.articles, annotations: r.added.annotations },
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-backup-panel': BackupPanel;
  }
}
