/** Themeable through --fairdrop-* custom properties and ::part(); light/dark follows the OS. */
import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--fairdrop-accent, #3b3bf5);
    --_on-accent: var(--fairdrop-on-accent, #fff);
    --_bg: var(--fairdrop-bg, #fff);
    --_fg: var(--fairdrop-fg, #16161d);
    --_muted: var(--fairdrop-muted, #5d5d6b);
    --_border: var(--fairdrop-border, #d9d9e3);
    --_surface: var(--fairdrop-surface, #f4f4f8);
    --_danger: var(--fairdrop-danger, #b42318);
    --_success: var(--fairdrop-success, #067647);
    --_radius: var(--fairdrop-radius, 12px);
    --_focus: var(--fairdrop-focus, #3b3bf5);
    display: block;
    max-width: var(--fairdrop-max-width, 420px);
    font: var(--fairdrop-font, 400 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--fairdrop-accent, #8d8dff);
      --_on-accent: var(--fairdrop-on-accent, #0c0c14);
      --_bg: var(--fairdrop-bg, #17171f);
      --_fg: var(--fairdrop-fg, #f1f1f6);
      --_muted: var(--fairdrop-muted, #a9a9ba);
      --_border: var(--fairdrop-border, #33333f);
      --_surface: var(--fairdrop-surface, #22222c);
      --_danger: var(--fairdrop-danger, #ff8a80);
      --_success: var(--fairdrop-success, #6ce9a6);
      --_focus: var(--fairdrop-focus, #b3b3ff);
    }
  }
  [hidden] { display: none; }
  .card {
    background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
    padding: 20px; display: grid; gap: 14px;
  }
  header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
  .name { font-weight: 600; color: var(--_muted); font-size: 0.85em; text-transform: uppercase; letter-spacing: .06em; }
  .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--_border); }
  .dot.live { background: var(--_success); }
  .dot.offline { background: var(--_danger); }
  h2 { margin: 0; font-size: 1.3em; line-height: 1.25; outline: none; }
  p { margin: 0; }
  .status p, .muted { color: var(--_muted); }
  .status { display: grid; gap: 6px; }
  .countdown {
    display: flex; justify-content: space-between; align-items: baseline;
    background: var(--_surface); border-radius: calc(var(--_radius) - 4px); padding: 10px 14px;
  }
  .countdown .label { color: var(--_muted); }
  .digits { font: 600 1.6em/1 ui-monospace, 'SF Mono', Menlo, monospace; font-variant-numeric: tabular-nums; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .tickets { display: grid; gap: 10px; }
  .row { display: flex; justify-content: space-between; align-items: center; }
  .stepper { display: flex; align-items: center; gap: 10px; }
  .stepper output { min-width: 2ch; text-align: center; font-weight: 600; font-size: 1.15em; }
  .breakdown { margin: 0; padding: 0 0 0 1.1em; color: var(--_muted); font-size: .92em; }
  .total strong { font-size: 1.1em; }
  .odds { color: var(--_muted); font-size: .92em; }
  button {
    font: inherit; cursor: pointer; border-radius: calc(var(--_radius) - 4px);
    border: 1px solid transparent; padding: 11px 16px; transition: background-color .15s, transform .1s;
  }
  button:disabled { cursor: not-allowed; opacity: .5; }
  button:active:not(:disabled) { transform: scale(.98); }
  .primary { background: var(--_accent); color: var(--_on-accent); font-weight: 600; width: 100%; }
  .primary:hover { filter: brightness(1.08); }
  .secondary, .step { background: transparent; color: var(--_fg); border-color: var(--_border); }
  .step { width: 36px; height: 36px; padding: 0; font-size: 1.2em; line-height: 1; }
  :focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  .progress { height: 8px; border-radius: 4px; background: var(--_surface); overflow: hidden; }
  .bar { height: 100%; background: var(--_accent); transition: width .3s ease-out; }
  .progress-wrap { display: grid; gap: 12px; }
  .receipt { display: grid; grid-template-columns: auto 1fr; gap: 4px 14px; margin: 0;
    background: var(--_surface); border-radius: calc(var(--_radius) - 4px); padding: 12px 14px; }
  .receipt dt { color: var(--_muted); }
  .receipt dd { margin: 0; text-align: end; overflow-wrap: anywhere; }
  code { white-space: nowrap; }
  #title:focus-visible { outline-offset: 6px; border-radius: 4px; }
  .verify { display: grid; gap: 8px; justify-items: start; border-top: 1px solid var(--_border); padding-top: 12px; }
  .verify p { margin: 0; }
  .good { color: var(--_success); }
  .bad { color: var(--_danger); }
  .small { font-size: .85em; }
  .link { color: var(--_accent); font-weight: 600; }
  .note { color: var(--_success); font-weight: 600; }
  .error { border: 1px solid var(--_danger); color: var(--_danger); border-radius: calc(var(--_radius) - 4px);
    padding: 10px 14px; display: grid; gap: 8px; justify-items: start; }
  .skeleton { height: 72px; border-radius: 8px; background: var(--_surface); animation: pulse 1.2s ease-in-out infinite; }
  @keyframes pulse { 50% { opacity: .5; } }
  footer { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; color: var(--_muted); font-size: .8em; }
  .offline { color: var(--_danger); }
  [data-view='won'] h2, [data-view='promoted'] h2, [data-view='purchased'] h2 { color: var(--_success); }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation: none !important; transition: none !important; }
  }
`;
