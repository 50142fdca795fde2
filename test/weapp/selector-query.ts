// wx.createSelectorQuery() over the rendered page: `#id` selectors, `fields({ node, size, id,
// dataset, rect })`, `boundingClientRect`, `node`. The simulator's own query answers nothing
// (its exec() is empty) and has no canvas: a `<canvas type="2d">` answers a recording canvas
// whose 2D context keeps every call and property set, so a test can see what was drawn.
export interface DrawCall {
  op: string;
  args: unknown[];
}

export interface RecordingCanvas {
  id: string;
  width: number;
  height: number;
  calls: DrawCall[];
  getContext(type: string): unknown;
}

interface ExparserNode {
  id?: string;
  dataset?: Record<string, unknown>;
  is?: string;
  tagName?: string;
  shadowRoot?: ExparserNode;
  childNodes?: ExparserNode[];
  $$?: { getAttribute?(name: string): string | null; style?: { height?: string; width?: string } };
  _vt?: { attrs?: Array<{ name: string; value: unknown }> };
}

/** Every element under a node, custom components' shadow trees included. */
export function* walk<N extends { childNodes?: N[]; shadowRoot?: N }>(node: N | undefined): Generator<N> {
  if (!node) return;
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* walk(child);
  }
  if (node.shadowRoot) yield* walk(node.shadowRoot);
}

const attr = (node: ExparserNode, name: string) => node._vt?.attrs?.find((a) => a.name === name)?.value;

function recordingCanvas(id: string): RecordingCanvas {
  const calls: DrawCall[] = [];
  const context = new Proxy({} as Record<string, unknown>, {
    get: (target, prop: string) => (prop in target ? target[prop] : (...args: unknown[]) => void calls.push({ op: prop, args })),
    set: (target, prop: string, value) => {
      calls.push({ op: `${prop}=`, args: [value] });
      target[prop] = value;
      return true;
    },
  });
  return { id, width: 300, height: 150, calls, getContext: (type) => (type === '2d' ? context : null) };
}

const px = (style: unknown, prop: string): number | undefined => {
  const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([\\d.]+)px`).exec(String(style ?? ''));
  return m ? Number(m[1]) : undefined;
};

export function createSelectorQueryApi(opts: { root: () => ExparserNode | undefined; windowWidth: number }) {
  const canvases = new Map<string, RecordingCanvas>();

  const describe = (node: ExparserNode, fields: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    const style = attr(node, 'style');
    const width = px(style, 'width') ?? opts.windowWidth;
    const height = px(style, 'height') ?? 0;
    if (fields.id) out.id = node.id ?? '';
    if (fields.dataset) out.dataset = { ...(node.dataset ?? {}) };
    if (fields.size) Object.assign(out, { width, height });
    if (fields.rect) Object.assign(out, { left: 0, top: 0, right: width, bottom: height });
    if (fields.node) {
      const isCanvas = /canvas/.test(String(node.tagName ?? node.is ?? ''));
      if (isCanvas) {
        const id = node.id ?? '';
        if (!canvases.has(id)) canvases.set(id, recordingCanvas(id));
        out.node = canvases.get(id);
      } else out.node = {};
    }
    return out;
  };

  const find = (selector: string, all: boolean): ExparserNode[] => {
    const m = /^#([\w-]+)$/.exec(selector.trim());
    if (!m) throw new Error(`selector-query shim: only #id selectors are supported, got "${selector}"`);
    const found = [...walk(opts.root())].filter((n) => n.id === m[1]);
    return all ? found : found.slice(0, 1);
  };

  const createSelectorQuery = () => {
    const queue: Array<{ selector: string | null; all: boolean; fields: Record<string, unknown>; cb?: (r: unknown) => void }> = [];
    const query = {
      in: () => query,
      select: (selector: string) => nodesRef(selector, false),
      selectAll: (selector: string) => nodesRef(selector, true),
      selectViewport: () => nodesRef(null, false),
      exec(cb?: (res: unknown[]) => void) {
        const run = queue.splice(0);
        setTimeout(() => {
          const res = run.map(({ selector, all, fields, cb: one }) => {
            let r: unknown;
            if (selector === null) r = { width: opts.windowWidth, height: 800, scrollTop: 0, scrollLeft: 0 };
            else {
              const nodes = find(selector, all).map((n) => describe(n, fields));
              r = all ? nodes : (nodes[0] ?? null);
            }
            one?.(r);
            return r;
          });
          cb?.(res);
        }, 0);
        return query;
      },
    };
    const nodesRef = (selector: string | null, all: boolean) => {
      const push = (fields: Record<string, unknown>, cb?: (r: unknown) => void) => (queue.push({ selector, all, fields, cb }), query);
      return {
        fields: push,
        boundingClientRect: (cb?: (r: unknown) => void) => push({ id: true, dataset: true, rect: true, size: true }, cb),
        node: (cb?: (r: unknown) => void) => push({ node: true }, cb),
        scrollOffset: (cb?: (r: unknown) => void) => push({ id: true, dataset: true, scrollOffset: true }, cb),
      };
    };
    return query;
  };

  return { createSelectorQuery, canvases };
}
