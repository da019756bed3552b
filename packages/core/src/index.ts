export * from './errors/index.js'
export * from './variables/index.js'
