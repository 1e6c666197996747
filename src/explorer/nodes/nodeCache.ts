/**
 * The explorer's node objects, one per tree id, and the children loads in flight, one per parent. No vscode here,
 * so it runs in plain Node.
 *
 * Why one load at a time: VS Code registers a branch's children by id when getChildren answers. A branch that
 * is announced as changed while its children are still loading gets a new node in VS Code first; the late
 * children then register under the old one, and the next load's children collide with them ("Element with id …
 * is already registered"). So a second load of a parent joins the first, and announcing a parent waits until its
 * load has answered and VS Code has taken the children (the next macrotask).
 */
export class NodeCache<N extends { readonly id: string }> {
  private readonly nodes = new Map<string, N>();
  private readonly loads = new Map<string, Promise<N[]>>();
  /** Announcements held back until the parent's load has answered, by parent id. */
  private readonly held = new Map<string, () => void>();

  /** The one node object for an id (created once), so VS Code's reveal and getParent see the same objects. */
  keep<T extends N>(id: string, kind: abstract new (...args: never[]) => T, create: () => T): T {
    const existing = this.nodes.get(id);
    if (existing instanceof kind) return existing;
    const node = create();
    this.nodes.set(id, node);
    return node;
  }

  /** The node kept for an id, if it is of that kind. */
  find<T extends N>(id: string, kind: abstract new (...args: never[]) => T): T | undefined {
    const node = this.nodes.get(id);
    return node instanceof kind ? node : undefined;
  }

  /** The children of a parent, built by `build`; while a load of that parent runs, a second call joins it. */
  children(parent: N, build: () => Promise<N[]> | N[]): Promise<N[]> {
    const running = this.loads.get(parent.id);
    if (running) return running;
    const load = (async () => build())().finally(() => {
      if (this.loads.get(parent.id) !== load) return;
      this.loads.delete(parent.id);
      const announce = this.held.get(parent.id);
      this.held.delete(parent.id);
      if (announce) setTimeout(announce, 0);
    });
    this.loads.set(parent.id, load);
    return load;
  }

  /** Runs `announce` now, or, while the node's children are loading, once that load has answered (once). */
  announce(node: N, announce: (node: N) => void): void {
    if (!this.loads.has(node.id)) {
      announce(node);
      return;
    }
    this.held.set(node.id, () => {
      // Still the node VS Code knows for this id (a full refresh in between drops it).
      if (this.nodes.get(node.id) === node) announce(node);
    });
  }

  /** Forgets every node, load and held announcement (a full refresh, another profile). */
  clear(): void {
    this.nodes.clear();
    this.loads.clear();
    this.held.clear();
  }
}
