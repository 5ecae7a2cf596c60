import { defineConfig } from 'vitepress';

// Everything is served from this site: no CDN, no web fonts from elsewhere, local search.
export default defineConfig({
  title: 'Fairdrop',
  description: 'Provably fair product drops: one script tag, a typed SDK, a verifiable draw.',
  lang: 'en',
  cleanUrls: false,
  lastUpdated: false,
  srcExclude: ['_*.md', 'test/**', 'README.md'],
  ignoreDeadLinks: [/^http:\/\/127\.0\.0\.1/, /^\/api\//],
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/quick-start' },
      { text: 'SDK', link: '/guide/sdk' },
      { text: 'Draw spec', link: '/draw-spec' },
      { text: 'API reference', link: '/api/index.html', target: '_self' },
    ],
    sidebar: [
      { text: 'Start', items: [
        { text: 'Quick start', link: '/guide/quick-start' },
        { text: 'Embed the widget', link: '/guide/embed' },
        { text: 'Merchant integration', link: '/guide/merchant' },
        { text: 'Shopper email and webhooks', link: '/guide/email' },
        { text: 'SDK', link: '/guide/sdk' },
      ] },
      { text: 'Fairness', items: [
        { text: 'The draw (fairdrop-draw-v1)', link: '/draw-spec' },
        { text: 'Verify a draw', link: '/verify-a-draw' },
      ] },
      { text: 'Operate', items: [
        { text: 'Configuration', link: '/reference/configuration' },
        { text: 'Scale-out and deployment', link: '/guide/deployment' },
        { text: 'Security model', link: '/guide/security' },
      ] },
      { text: 'Reference', items: [
        { text: 'HTTP API (OpenAPI)', link: '/reference/api' },
      ] },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
});
