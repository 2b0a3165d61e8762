/**
 * Which cell of the rendered form a finding belongs to: every cell lists the JSON pointers it
 * shows; a finding goes to the cell whose pointer is the longest prefix of its own (at a "/"
 * boundary). The form-level cell ("") takes what nothing else does, so no finding is dropped.
 */
export function placeFindings(cells: ReadonlyMap<string, readonly string[]>, pointers: readonly string[]): string[] {
  const owners = new Map<string, string>();
  for (const [cell, ptrs] of cells) for (const p of ptrs) if (!owners.has(p)) owners.set(p, cell);
  return pointers.map((ptr) => {
    let p = ptr;
    for (;;) {
      const owner = owners.get(p);
      if (owner !== undefined) return owner;
      if (p === '') return '';
      p = p.slice(0, Math.max(0, p.lastIndexOf('/')));
    }
  });
}
