import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

// The built page's Content-Security-Policy: no inline scripts, no remote origins except raw
// GitHub for "Open from URL". Monaco injects <style> elements, hence 'unsafe-inline' for styles.
// Build only: the dev server injects an inline React-refresh preamble that this would block.
export const contentSecurityPolicy = [
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

/**
 * `frame-ancestors` (no framing: clickjacking) only works as a header, never in a meta tag, so
 * `npm run preview` sends the whole policy as headers; deployments should send the same. The
 * read-only `?embed` view is made to sit in other sites' pages, so any site may frame it.
 */
export function securityHeaders(embed: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors ${embed ? '*' : "'none'"}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  }
}

const previewHeaders = (): Plugin => ({
  name: 'sigma-playground-headers',
  configurePreviewServer: (server) => {
    server.middlewares.use((request, response, next) => {
      const embed = new URL(request.url ?? '/', 'http://local').searchParams.has('embed')
      for (const [name, value] of Object.entries(securityHeaders(embed)))
        response.setHeader(name, value)
      next()
    })
  },
})

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
  plugins: [react(), cspMeta(), previewHeaders()],
  worker: { format: 'es' },
  resolve: {
    alias: [
      // monaco-yaml's formatter is off (monaco-setup.ts), so its worker needs no Prettier.
      {
        find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/,
        replacement: fileURLToPath(new URL('./src/ui/editors/prettier-absent.ts', import.meta.url)),
      },
      // Nor does the page create diff editors.
      {
        find: /^.*\/widget\/(diffEditor\/diffEditorWidget|multiDiffEditor\/multiDiffEditorWidget)\.js$/,
        replacement: fileURLToPath(
          new URL('./src/ui/editors/diff-editor-absent.ts', import.meta.url),
        ),
      },
      // Nor go to definitions: no language here has any.
      {
        find: /^(.*\/)?(goToDefinitionAtPosition|inlayHintsLocations)\.js$/,
        replacement: fileURLToPath(
          new URL('./src/ui/editors/goto-definition-absent.ts', import.meta.url),
        ),
      },
    ],
  },
  // Discovered late in dev otherwise, which re-optimises deps and reloads the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { chunkSizeWarningLimit: 5000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
