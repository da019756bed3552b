export type { AuthContext, AuthHandler, CreateAuthHandler } from './types.js'
