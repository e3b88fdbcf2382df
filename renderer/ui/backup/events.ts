/** Events of the backup panel (the Export & backup dialog listens to them). */

/** `warraq-busy`: a backup or restore started (true) or ended (false); the dialog stays open meanwhile. */
export class BusyEvent extends CustomEvent<boolean> {
  constructor(busy: boolean) {
    super('warraq-busy', { detail: busy, bubbles: true, composed: true });
  }
}

/** `warraq-passphrase-change`: the backup passphrase (null: not encrypting; '': incomplete). */
export class PassphraseChangeEvent extends CustomEvent<string | null> {
  constructor(passphrase: string | null) {
    super('warraq-passphrase-change', { detail: passphrase });
  }
}

declare global {
  interface HTMLElementEventMap {
    'warraq-busy': BusyEvent;
    'warraq-passphrase-change': PassphraseChangeEvent;
  }
}
