// The phone's side of wx, recorded for tests to look at: page navigation (no page is opened by
// it: a test opens the page it wants), toasts, the photo picker (each pick is a temporary file
// holding a small JPEG, which wx.cloud.uploadFile reads), the clipboard and the window. The
// simulator's mocks of these answer but keep nothing.
export interface Navigation {
  api: string;
  url?: string;
  delta?: number;
}

/** A small JPEG (its signature, then filler): what a picked photo holds. */
export const PICKED_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 4000 }, (_, i) => i % 251)]);

type Options = Record<string, any>;

/** A wx API that succeeds with `res`: callbacks when given, else a Promise. */
const succeed = (name: string, res: Record<string, unknown> = {}) => (o: Options = {}) => {
  const out = { errMsg: `${name}:ok`, ...res };
  const p = new Promise((resolve) =>
    setTimeout(() => {
      o.success?.(out);
      o.complete?.(out);
      resolve(out);
    }, 0),
  );
  return o.success || o.complete ? undefined : p;
};

export function createDevice(windowWidth: number) {
  const navigations: Navigation[] = [];
  const toasts: string[] = [];
  const tempFiles = new Map<string, Uint8Array>();
  let clipboard: string | undefined;
  let picked = 0;
  const navigate = (api: string) => (o: Options = {}) => (navigations.push({ api, url: o.url, delta: o.delta }), succeed(api)(o));
  const api = {
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    showToast: (o: Options = {}) => (toasts.push(String(o.title ?? '')), succeed('showToast')(o)),
    chooseMedia: (o: Options = {}) => {
      const tempFilePath = `http://tmp/picked-${++picked}.jpg`;
      tempFiles.set(tempFilePath, PICKED_JPEG);
      return succeed('chooseMedia', { type: 'image', tempFiles: [{ tempFilePath, size: PICKED_JPEG.length, fileType: 'image' }] })(o);
    },
    setClipboardData: (o: Options = {}) => ((clipboard = String(o.data ?? '')), succeed('setClipboardData')(o)),
    getClipboardData: (o: Options = {}) => succeed('getClipboardData', { data: clipboard ?? '' })(o),
    getWindowInfo: () => ({
      pixelRatio: 2,
      windowWidth,
      windowHeight: 700,
      screenWidth: windowWidth,
      screenHeight: 760,
      statusBarHeight: 20,
      safeArea: { left: 0, right: windowWidth, top: 20, bottom: 740, width: windowWidth, height: 720 },
    }),
  };
  return { api, navigations, toasts, tempFile: (path: string) => tempFiles.get(path), clipboard: () => clipboard };
}
