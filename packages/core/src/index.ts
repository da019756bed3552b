export * from './errors/index.js'
export * from './collection/index.js'
export * from './variables/index.js'
