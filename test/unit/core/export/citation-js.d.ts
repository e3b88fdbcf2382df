// @citation-js 0.7 ships no types; the tests use only this much of it.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** CSL-JSON items. */
    data: any[];
    /** Output through a plugin ('bibliography' comes from plugin-csl). */
    format(kind: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
