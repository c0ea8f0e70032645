/** A short name for the device behind a session, from the user agent the server kept as its label. */

const browsers: readonly [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/(Chrome|Chromium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: readonly [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/** "Chrome · Linux", or the label itself when it is not a browser's (a token's name). */
export function describeDevice(label: string): string {
  const browser = browsers.find(([pattern]) => pattern.test(label))?.[1];
  const system = systems.find(([pattern]) => pattern.test(label))?.[1];
  if (browser === undefined && system === undefined) return label;
  return [browser, system].filter((part) => part !== undefined).join(' · ');
}
