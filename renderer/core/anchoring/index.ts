/** Anchoring: describe a range as W3C selectors and anchor selectors back to offsets. */
export { describe, clampRange, positionOf, quoteOf, paragraphNumber, type DescribeOptions } from './describe';
export {
  anchor,
  anchorAll,
  type AnchorResult,
  type Anchored,
  type Orphaned,
  type AnchorMethod,
  type AnchorOptions,
} from './anchor';
