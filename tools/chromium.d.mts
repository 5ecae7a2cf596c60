/** Headless flags for tests: no GPU, no QUIC, no background traffic to Google. */
export declare const HEADLESS_ARGS: string[];
/** Where Chromium is (system, else the one inside @sparticuz/chromium) and how to launch it. */
export declare function chromiumForTests(): {
  executablePath: string;
  args: string[];
  env: Record<string, string | undefined>;
  source: 'system' | '@sparticuz/chromium';
};
