// Type declaration for cytoscape-fcose, which ships no types of its own.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';

  const fcose: Ext;
  export default fcose;
}
