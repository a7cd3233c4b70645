import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

// The built page's Content-Security-Policy: no inline scripts, no remote origins except raw
// GitHub for "Open from URL". Monaco injects <style> elements, hence 'unsafe-inline' for styles.
// Build only: the dev server injects an inline React-refresh preamble that this would block.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self' https://raw.githubusercontent.com",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const cspMeta = (): Plugin => ({
  name: 'sigma-playground-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
      injectTo: 'head-prepend',
    },
  ],
})

export default defineConfig({
  plugins: [react(), cspMeta()],
  worker: { format: 'es' },
  // Discovered late in dev otherwise, which re-optimises deps and reloads the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { chunkSizeWarningLimit: 5000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
