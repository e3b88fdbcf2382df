/**
 * Highlight marks in the reader. decorate.ts paints overlapping decorations as one flat <mark> whose
 * class lists every colour over it ("hl hl-yellow hl hl-blue"); each colour class sets its own custom
 * property and the mark stacks them as translucent background layers, so an overlap shows both
 * colours blended instead of whichever rule came last. Search hits (`hit`) get a layer too.
 */
import { css } from 'lit';

export const markStyles = css`
  mark.hl-yellow { --l-yellow: var(--hl-yellow); }
  mark.hl-green { --l-green: var(--hl-green); }
  mark.hl-blue { --l-blue: var(--hl-blue); }
  mark.hl-pink { --l-pink: var(--hl-pink); }
  mark.hl-purple { --l-purple: var(--hl-purple); }
  mark.hit { --l-hit: var(--hit); }
  mark.hl {
    background-color: transparent;
    background-image:
      linear-gradient(var(--l-hit, transparent), var(--l-hit, transparent)),
      linear-gradient(var(--l-yellow, transparent), var(--l-yellow, transparent)),
      linear-gradient(var(--l-green, transparent), var(--l-green, transparent)),
      linear-gradient(var(--l-blue, transparent), var(--l-blue, transparent)),
      linear-gradient(var(--l-pink, transparent), var(--l-pink, transparent)),
      linear-gradient(var(--l-purple, transparent), var(--l-purple, transparent));
    cursor: pointer;
  }
  mark.flash { animation: warraq-flash 1.6s ease-out; }
  @keyframes warraq-flash {
    0%, 40% { box-shadow: 0 0 0 3px var(--accent); }
    100% { box-shadow: 0 0 0 3px transparent; }
  }
`;
