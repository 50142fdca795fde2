// Page() for the simulator, which only knows Component(): a page becomes a component whose
// attached lifetime runs onLoad(query) and onShow(), whose ready runs onReady() and whose
// detached runs onUnload(), as WeChat calls them when it opens and closes a page. Its methods
// (Taro's `eh` among them, tracked for taps) sit on the instance, as Page() puts them.
import { trackTaps } from './taps';

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  setData(data: Record<string, unknown>, cb?: () => void): void;
  _exparserNode: unknown;
  [key: string]: unknown;
}

type Fn = (this: PageInstance, ...args: any[]) => unknown;

export function createPageShim(opts: {
  /** Component() as the simulator defines it (for the file being loaded). */
  component: (definition: Record<string, unknown>) => void;
  /** The route whose page file is being loaded. */
  loadingRoute: () => string;
  /** The query of the page about to be opened. */
  openingQuery: () => Record<string, string>;
  /** getCurrentPages(): opened pages, the top one last. */
  stack: PageInstance[];
}) {
  return function Page(config: Record<string, unknown>) {
    const route = opts.loadingRoute();
    const methods: Record<string, Fn> = {};
    const { data, ...rest } = config;
    for (const [key, value] of Object.entries(rest)) {
      if (typeof value === 'function') methods[key] = key === 'eh' ? trackTaps(value as Fn) : (value as Fn);
    }
    const call = (page: PageInstance, name: string, ...args: unknown[]) => (typeof page[name] === 'function' ? (page[name] as Fn).apply(page, args) : undefined);
    opts.component({
      data,
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          const query = opts.openingQuery();
          this.route = route;
          this.__route__ = route;
          this.options = query;
          opts.stack.push(this);
          call(this, 'onLoad', { ...query });
          call(this, 'onShow');
        },
        ready(this: PageInstance) {
          call(this, 'onReady');
        },
        detached(this: PageInstance) {
          call(this, 'onUnload');
          const at = opts.stack.indexOf(this);
          if (at >= 0) opts.stack.splice(at, 1);
        },
      },
    });
  };
}

/** Component() with its event handler tracked for taps (Taro's recursive `comp` has `methods.eh`). */
export function trackComponentTaps(component: (definition: Record<string, unknown>) => void) {
  return (definition: Record<string, unknown>) => {
    const methods = definition.methods as Record<string, Fn> | undefined;
    if (methods?.eh) definition = { ...definition, methods: { ...methods, eh: trackTaps(methods.eh) } };
    component(definition);
  };
}
