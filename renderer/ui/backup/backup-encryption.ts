/**
 * <warraq-backup-encryption> — the backup's optional passphrase (issue 13): a checkbox to encrypt,
 * the plain warning that a lost passphrase cannot be recovered, the passphrase twice, and on request
 * its estimated strength. Unencrypted backups stay the default.
 *
 * `passphrase`: null when encryption is off, '' while the fields are empty or do not match, else the
 * passphrase. Events: `warraq-passphrase-change` (events.ts) whenever that value changes. Property `disabled` while a run goes on.
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../common/styles';
import { panelStyles } from '../export/panel-styles';
import { LanguageController, t } from '../strings/i18n';
import { passphraseStrength } from '../../services/backup-crypto';
import { PassphraseChangeEvent } from './events';

@customElement('warraq-backup-encryption')
export class BackupEncryption extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    css`
    :host { gap: 6px; }
    .fields { display: flex; flex-direction: column; gap: 4px; padding-inline-start: 24px; }
    input[type=password] { min-block-size: 30px; inline-size: 18rem; padding-inline: 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); }
    .warn { border-inline-start: 4px solid var(--danger, #b00020); padding-inline-start: 8px; max-inline-size: 36rem; }
    .strength-weak { color: var(--danger, #b00020); }
    .strength-fair { color: var(--fg-muted); }
    .strength-strong, .strength-very-strong { color: var(--success, #1b7a3a); }
  `,
  ];

  @property({ type: Boolean }) disabled = false;
  @state() private on = false;
  @state() private first = '';
  @state() private second = '';
  @state() private showStrength = false;
  protected readonly i18n = new LanguageController(this);

  get passphrase(): string | null {
    if (!this.on) return null;
    return this.first && this.first === this.second ? this.first : '';
  }

  private set(patch: { on?: boolean; first?: string; second?: string }): void {
    if (patch.on !== undefined) this.on = patch.on;
    if (patch.first !== undefined) this.first = patch.first;
    if (patch.second !== undefined) this.second = patch.second;
    this.dispatchEvent(new PassphraseChangeEvent(this.passphrase));
  }

  override render() {
    const mismatch = this.on && this.second !== '' && this.first !== this.second;
    const s = passphraseStrength(this.first);
    return html`
      <label><input type="checkbox" .checked=${this.on} ?disabled=${this.disabled}
        @change=${(e: Event) => this.set({ on: (e.target as HTMLInputElement).checked })}> ${t('backup.encrypt')}</label>
      ${
        this.on
          ? html`<div class="fields">
        <p class="warn" role="note">${t('backup.lostPassphrase')}</p>
        <label>${t('backup.passphrase')} <input type="password" autocomplete="new-password" dir="auto" .value=${this.first} ?disabled=${this.disabled}
          @input=${(e: Event) => this.set({ first: (e.target as HTMLInputElement).value })}></label>
        <label>${t('backup.passphraseAgain')} <input type="password" autocomplete="new-password" dir="auto" .value=${this.second} ?disabled=${this.disabled}
          @input=${(e: Event) => this.set({ second: (e.target as HTMLInputElement).value })}></label>
        ${mismatch ? html`<p class="error" role="alert">${t('backup.mismatch')}</p>` : nothing}
        <label><input type="checkbox" .checked=${this.showStrength} @change=${(e: Event) => (this.showStrength = (e.target as HTMLInputElement).checked)}> ${t('backup.showStrength')}</label>
        ${this.showStrength && this.first ? html`<p class="strength-${s.level}" role="status">${t(`backup.strength.${s.level}`, { bits: s.bits })}</p>` : nothing}
      </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-backup-encryption': BackupEncryption;
  }
}
