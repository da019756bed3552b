// @courier/web: the local server of `courier ui` (src/server) and, built apart by Vite, its client (src/client).
export * from './server/index.js'
