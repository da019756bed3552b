export { writeFileAtomic } from './write-file-atomic.js'
export type { WriteFileAtomicOptions } from './write-file-atomic.js'
export * from './state/index.js'
export * from './workspace/index.js'
