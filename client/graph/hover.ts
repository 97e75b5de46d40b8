// Hovering a node: it and its neighbours stay strong and labelled at any zoom, the rest fades; the canvas shows a tip.
import type { Core, NodeSingular } from 'cytoscape';

/** Above this many elements fading everything on each hover costs more than it helps; only the tip is shown. */
export const HOVER_FADE_MAX_ELEMENTS = 3000;

export interface HoverTip {
  id: string;
  /** Position in px inside the canvas container: just below the node. */
  x: number;
  y: number;
}

function clear(cy: Core): void {
  cy.batch(() => {
    cy.elements('.faded').removeClass('faded');
    cy.elements('.near').removeClass('near');
    cy.elements('.hovered').removeClass('hovered');
  });
}

/** Binds the hover behaviour; `onTip` gets the node under the pointer, or null when it leaves. Returns an unbind. */
export function bindHover(cy: Core, onTip: (tip: HoverTip | null) => void): () => void {
  const over = (event: { target: NodeSingular }) => {
    const node = event.target;
    const near = node.closedNeighborhood();
    if (cy.elements().length <= HOVER_FADE_MAX_ELEMENTS) {
      cy.batch(() => {
        clear(cy);
        cy.elements().not(near).addClass('faded');
        near.addClass('near');
        node.addClass('hovered');
      });
    }
    const p = node.renderedPosition();
    onTip({ id: node.id(), x: p.x, y: p.y + node.renderedOuterHeight() / 2 + 6 });
  };
  const out = () => {
    clear(cy);
    onTip(null);
  };
  cy.on('mouseover', 'node', over);
  cy.on('mouseout', 'node', out);
  // A tip would float away from its node while the view moves.
  cy.on('viewport', out);
  // Leaving the canvas straight from a node gives cytoscape no mouseout.
  const container = cy.container();
  container?.addEventListener('mouseleave', out);
  return () => {
    container?.removeEventListener('mouseleave', out);
    cy.off('mouseover', 'node', over);
    cy.off('mouseout', 'node', out);
    cy.off('viewport', out);
  };
}
