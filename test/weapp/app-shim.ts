// App(), getApp() and getCurrentPages(), which WeChat's framework provides and the simulator
// does not: App() keeps the app object Taro builds (its onLaunch/onShow run when the mini-program
// starts), getCurrentPages() answers the opened pages, the top one last.
import type { PageInstance } from './page-shim';

export interface AppShim {
  App(config: Record<string, unknown>): void;
  getApp(): Record<string, any>;
  getCurrentPages(): PageInstance[];
  /** Runs the app's onLaunch and onShow with these launch options. */
  launch(options: { path: string; query: Record<string, string>; scene: number }): void;
}

export function createAppShim(stack: PageInstance[]): AppShim {
  let app: Record<string, any> | undefined;
  return {
    App(config) {
      if (app) throw new Error('App() called twice');
      app = config;
    },
    getApp() {
      if (!app) throw new Error('getApp() before App(): app.js was not loaded');
      return app;
    },
    getCurrentPages: () => [...stack],
    launch(options) {
      if (!app) throw new Error('app.js did not call App()');
      app.onLaunch?.({ ...options, referrerInfo: {} });
      app.onShow?.({ ...options, referrerInfo: {} });
    },
  };
}
