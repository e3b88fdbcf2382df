/**
 * The reader's annotation events: the selection toolbar, the note editor and the annotations panel
 * tell the reader (reader-annotations.ts, listening on the reader view) what the reader asked for.
 * All bubble and are composed (they cross the panel's and the toolbar's shadow roots).
 */
import type { AnnotateAction } from './selection-toolbar';
import type { NoteSave } from './note-editor';

const crossing = { bubbles: true, composed: true } as const;

/** `warraq-annotate`: a selection toolbar action (highlight, note, bookmark, copy). */
export class AnnotateEvent extends CustomEvent<AnnotateAction> {
  constructor(action: AnnotateAction) {
    super('warraq-annotate', { detail: action, ...crossing });
  }
}

/** `warraq-annotate-dismiss`: Escape on the selection toolbar. */
export class AnnotateDismissEvent extends Event {
  constructor() {
    super('warraq-annotate-dismiss', crossing);
  }
}

/** `warraq-annotation-reveal`: scroll to and flash the mark of this annotation id. */
export class AnnotationRevealEvent extends CustomEvent<string> {
  constructor(annotationId: string) {
    super('warraq-annotation-reveal', { detail: annotationId, ...crossing });
  }
}

/** `warraq-paragraph-reveal`: scroll to this paragraph (0-based), a bookmark's. */
export class ParagraphRevealEvent extends CustomEvent<number> {
  constructor(paragraph: number) {
    super('warraq-paragraph-reveal', { detail: paragraph, ...crossing });
  }
}

/** `warraq-editing-change`: the note being edited (an annotation id, NEW_ARTICLE_NOTE, or none). */
export class EditingChangeEvent extends CustomEvent<string | undefined> {
  constructor(editing: string | undefined) {
    super('warraq-editing-change', { detail: editing, ...crossing });
  }
}

/** `warraq-note-save`: the note editor's text and tags. */
export class NoteSaveEvent extends CustomEvent<NoteSave> {
  constructor(note: NoteSave) {
    super('warraq-note-save', { detail: note, ...crossing });
  }
}

/** `warraq-note-cancel`: the note editor was closed without saving. */
export class NoteCancelEvent extends Event {
  constructor() {
    super('warraq-note-cancel', crossing);
  }
}

declare global {
  interface HTMLElementEventMap {
    'warraq-annotate': AnnotateEvent;
    'warraq-annotate-dismiss': AnnotateDismissEvent;
    'warraq-annotation-reveal': AnnotationRevealEvent;
    'warraq-paragraph-reveal': ParagraphRevealEvent;
    'warraq-editing-change': EditingChangeEvent;
    'warraq-note-save': NoteSaveEvent;
    'warraq-note-cancel': NoteCancelEvent;
  }
}
